// Concord's own lint rules: the slice conventions of issue 15 (each slice owns its data, its rules
// and its views), checked on every `npm run lint`. Loaded by eslint.config.js as the `concord` plugin.
import type { ESLint } from 'eslint';
import { noCrossSliceTable } from './no-cross-slice-table.ts';
import { noRoleCheckInView } from './no-role-check-in-view.ts';
import { sqlInDataModule } from './sql-in-data-module.ts';

const plugin: ESLint.Plugin = {
  meta: { name: 'concord' },
  rules: {
    'sql-in-data-module': sqlInDataModule,
    'no-role-check-in-view': noRoleCheckInView,
    'no-cross-slice-table': noCrossSliceTable,
  },
};

export default plugin;
