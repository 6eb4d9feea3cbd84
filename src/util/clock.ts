import { localDate } from '../core/dates';

/** Today in the machine's time zone, as `YYYY-MM-DD`: core takes "today" as an argument, and this is where the editor side reads the clock. */
export function today(): string {
  return localDate(new Date());
}
