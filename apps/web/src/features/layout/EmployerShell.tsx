import { RequireSession } from '../auth/RequireSession.tsx';
import { AppLayout } from './AppLayout.tsx';

/** The signed-in employer's frame, loaded as its own chunk so candidates' phones never download it. */
export function EmployerShell() {
  return (
    <RequireSession>
      <AppLayout />
    </RequireSession>
  );
}
