/** Failed sign-ins counted per account (`account:<email>`) and per address (`ip:<ip>`). */
export interface SignInThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: string;
  /** When the account's owner was last told about failed sign-ins. */
  notified_at: string | null;
}
