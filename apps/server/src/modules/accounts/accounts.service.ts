// STUB — replaced by the accounts work.
import type { AuditService } from '../audit/audit.service.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { ServiceDeps } from '../../services.ts';

export function createAccountsService(_deps: ServiceDeps & { mail: MailService; audit: AuditService }) {
  return {};
}
