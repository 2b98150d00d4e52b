import {
  apiKeyPrefix,
  type ApiKey,
  type ApiKeyRole,
  type CreateApiKeyInput,
  type CreatedApiKey,
} from '@oneway/shared';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { isoNow, type Clock } from '../../lib/time.ts';
import { createToken, hashToken, newId } from '../../lib/tokens.ts';
import type { AuthContext } from '../../plugins/auth.ts';
import type { ClientInfo } from '../accounts/sessions.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import {
  findApiKey,
  findUsableApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
  type ApiKeyRow,
} from './api-keys.repository.ts';

/** What a request made with a key acts as. */
export interface ResolvedApiKey {
  apiKeyId: string;
  organisationId: string;
  /** The key's creator, so what the key does is recorded against a person. */
  userId: string;
  role: ApiKeyRole;
}

// Like sessions: writing last_used_at on every request would turn each read into a write.
const touchIntervalMs = 60_000;
const shownPrefixLength = 12;

// A key works only while its creator could still create it: whoever saw the key loses its power when they
// leave the organisation or stop being an owner or admin.
const isCreatorEntitled = (row: ApiKeyRow) => row.creator_role === 'owner' || row.creator_role === 'admin';

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  status: row.revoked_at ? 'revoked' : isCreatorEntitled(row) ? 'active' : 'inactive',
  createdBy: { id: row.created_by_user_id, name: row.creator_name },
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export function createApiKeysService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  function assertSignedIn(actor: AuthContext) {
    if (actor.apiKeyId) {
      throw new AppError('forbidden', { message: 'API keys are managed by signed-in people, not by keys.' });
    }
  }

  return {
    /** The organisation's keys, newest first; the keys themselves are never returned, only their prefix. */
    async listApiKeys({ organisationId }: { organisationId: string }): Promise<ApiKey[]> {
      return (await listApiKeys(db, organisationId)).map(toApiKey);
    },

    /** Creates a key acting as `input.role`; the answer holds the whole key, which is not shown again. */
    async createApiKey(options: {
      actor: AuthContext;
      input: CreateApiKeyInput;
      client: ClientInfo;
    }): Promise<CreatedApiKey> {
      const { actor, input, client } = options;
      assertSignedIn(actor);
      const key = `${apiKeyPrefix}${createToken()}`;
      const id = newId();
      await insertApiKey(db, {
        id,
        organisation_id: actor.organisationId,
        name: input.name,
        token_hash: hashToken(key),
        prefix: key.slice(0, shownPrefixLength),
        role: input.role,
        created_by_user_id: actor.userId,
        created_at: isoNow(clock),
      });
      const row = await findApiKey(db, { organisationId: actor.organisationId, id });
      if (!row) throw notFound('API key');
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: id,
        ip: client.ip,
        userAgent: client.userAgent,
        details: { name: input.name, role: input.role, prefix: row.prefix },
      });
      return { ...toApiKey(row), key };
    },

    /** Revokes a key of the caller's organisation for good; revoking it again changes nothing. */
    async revokeApiKey(options: { actor: AuthContext; id: string; client: ClientInfo }): Promise<void> {
      const { actor, id, client } = options;
      assertSignedIn(actor);
      const row = await findApiKey(db, { organisationId: actor.organisationId, id });
      if (!row) throw notFound('API key');
      const revoked = await revokeApiKey(db, {
        organisationId: actor.organisationId,
        id,
        revokedAt: isoNow(clock),
      });
      if (!revoked) return;
      await audit.recordEvent({
        organisationId: actor.organisationId,
        actorUserId: actor.userId,
        action: 'api_key.revoked',
        targetType: 'api_key',
        targetId: id,
        ip: client.ip,
        userAgent: client.userAgent,
        details: { name: row.name, prefix: row.prefix },
      });
    },

    /** The live key behind a bearer token, or null when it is unknown, revoked or its creator lost the right. */
    async resolveApiKey({ token }: { token: string }): Promise<ResolvedApiKey | null> {
      if (!token.startsWith(apiKeyPrefix)) return null;
      const row = await findUsableApiKeyByHash(db, hashToken(token));
      if (!row || !isCreatorEntitled(row)) return null;
      const now = clock.now().getTime();
      if (!row.last_used_at || now - Date.parse(row.last_used_at) >= touchIntervalMs) {
        await touchApiKey(db, { id: row.id, lastUsedAt: isoNow(clock) });
      }
      return {
        apiKeyId: row.id,
        organisationId: row.organisation_id,
        userId: row.created_by_user_id,
        role: row.role,
      };
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
