import { ruleTester } from './rule-tester.ts';
import { noRoleCheckInView } from './no-role-check-in-view.ts';

const filename = 'src/web/layout.tsx';

ruleTester.run('concord/no-role-check-in-view', noRoleCheckInView, {
  valid: [
    {
      filename,
      code: "import { canReview } from './policy.ts';\nexport const Nav = ({ user }) => (canReview(user) ? <a href='/review'>Review</a> : null);",
    },
    // Showing a role is not checking it.
    { filename, code: 'export const Role = ({ user, t }) => <dd>{t(`role.${user.role}`)}</dd>;' },
    { filename, code: "export const f = (field) => (field === 'organizationId' ? 'org' : 'role');" },
  ],
  invalid: [
    {
      filename,
      code: "export const Nav = ({ ctx }) => (ctx.user.role !== 'contributor' ? <a href='/review'>Review</a> : null);",
      errors: [{ messageId: 'roleCheck' }],
    },
    { filename, code: "export const may = (c) => c.var.user?.role === 'reviewer';", errors: [{ messageId: 'roleCheck' }] },
    { filename, code: "export const may = (user) => user!.role == 'administrator';", errors: [{ messageId: 'roleCheck' }] },
    { filename, code: "export const may = (role) => 'administrator' === role;", errors: [{ messageId: 'roleCheck' }] },
    { filename, code: "export const may = (kind) => kind === 'reviewer';", errors: [{ messageId: 'roleCheck' }] },
    {
      filename,
      code: "export const may = (user) => ['reviewer', 'administrator'].includes(user.role);",
      errors: [{ messageId: 'roleCheck' }],
    },
    {
      filename,
      code: "export function may(user) { switch (user.role) { case 'reviewer': return true; default: return false; } }",
      errors: [{ messageId: 'roleCheck' }],
    },
  ],
});
