import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs on SQLite in ./data with no variables at all', () => {
    const config = loadConfig({});
    expect(config.dialect).toBe('sqlite');
    expect(config.databaseUrl).toMatch(/^sqlite:.*data[/\\]oneway\.sqlite$/);
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.roles).toEqual(['api', 'worker']);
    expect(config.secureCookies).toBe(false);
  });

  it('switches to PostgreSQL, secure cookies and one role when told', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://oneway:secret@db:5432/oneway',
      PUBLIC_URL: 'https://interviews.example.com/',
      ROLES: 'worker',
    });
    expect(config.dialect).toBe('postgres');
    expect(config.secureCookies).toBe(true);
    expect(config.publicUrl).toBe('https://interviews.example.com');
    expect(config.roles).toEqual(['worker']);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ROLES: 'api,cron',
        SMTP_URL: 'mail.example.com',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'ROLES', 'SMTP_URL']) expect(problems).toContain(name);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ SMTP_URL: '', DATABASE_URL: '' }).smtpUrl).toBeUndefined();
  });
});
