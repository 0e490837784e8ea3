// concord/no-role-check-in-view: who may do what is a named rule in the slice's policy.ts
// (`canEdit(user, record)`, `canReview(user)`), enforced by the service and called by the view to
// decide what to show, so a rule is stated once (issue 15, item 2). A view comparing `.role` states it again.
import type { Rule } from 'eslint';
import type { Node } from 'estree';

/** The account roles (users.role in src/accounts/schema.ts): comparing a value with one of them is a role check. */
const accountRoles = new Set(['contributor', 'reviewer', 'administrator']);

/** The expression under `x?.role` (a ChainExpression) and `x!` (TypeScript's non-null assertion). */
function unwrap(node: Node): Node {
  let current: Node = node;
  for (;;) {
    if (current.type === 'ChainExpression') current = current.expression;
    else if ((current.type as string) === 'TSNonNullExpression' || (current.type as string) === 'TSAsExpression')
      current = (current as unknown as { expression: Node }).expression;
    else return current;
  }
}

function isRole(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'Identifier') return n.name === 'role';
  return n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && n.property.name === 'role';
}

const isRoleName = (node: Node) => {
  const n = unwrap(node);
  return n.type === 'Literal' && typeof n.value === 'string' && accountRoles.has(n.value);
};

export const noRoleCheckInView: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "No role check in a view: call a named rule from the slice's policy.ts" },
    schema: [],
    messages: {
      roleCheck:
        "A role check in a view: name the rule in the slice's policy.ts (canEdit(user, record), canReview(user)...), enforce it in the service and call it here.",
    },
  },
  create(context) {
    const report = (node: Node) => context.report({ node, messageId: 'roleCheck' });
    return {
      BinaryExpression(node) {
        if (!['===', '!==', '==', '!='].includes(node.operator) || node.left.type === 'PrivateIdentifier') return;
        if (isRole(node.left) || isRole(node.right) || isRoleName(node.left) || isRoleName(node.right)) report(node);
      },
      CallExpression(node) {
        // ['reviewer', 'administrator'].includes(user.role)
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'includes') return;
        const first = node.arguments[0];
        if (first && first.type !== 'SpreadElement' && isRole(first)) report(node);
      },
      SwitchStatement(node) {
        if (isRole(node.discriminant)) report(node.discriminant);
      },
    };
  },
};
