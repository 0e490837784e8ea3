// Who may do what with the document library, as named rules (issue 15, item 2): the upload routes
// enforce them and the pages ask them what to offer.
import { isAdministrator } from '../accounts/policy.ts';

/** Administrators add documents to the library (the upload page and the API's POST). */
export const canUpload = (user: { role: string } | null | undefined): boolean => isAdministrator(user);
