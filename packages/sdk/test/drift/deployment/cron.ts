const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELDS: { name: string; min: number; max: number; names?: string[] }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** What is wrong with a CronJob schedule (standard five fields or a macro), as Kubernetes reads it. */
export function cronProblems(schedule: string): string[] {
  const text = schedule.trim();
  if (MACROS.has(text)) return [];
  if (/^(TZ|CRON_TZ)=/.test(text)) return ['set spec.timeZone instead of TZ= in the schedule'];
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return [`expected 5 fields, got ${parts.length}`];
  const problems: string[] = [];
  parts.forEach((part, i) => {
    const field = FIELDS[i];
    if (!field) return;
    for (const item of part.split(',')) {
      const match = item.match(/^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/);
      if (!match) {
        problems.push(`${field.name}: "${item}" is not a value, range or step`);
        continue;
      }
      const [, range, step] = match;
      if (step !== undefined && Number(step) < 1) problems.push(`${field.name}: step must be at least 1`);
      if (range === '*') continue;
      for (const bound of (range ?? '').split('-')) {
        const isNumber = /^\d+$/.test(bound);
        const nameIndex = field.names?.indexOf(bound.toUpperCase()) ?? -1;
        if (!isNumber && nameIndex < 0) {
          problems.push(`${field.name}: "${bound}" is not a number or a name`);
          continue;
        }
        const value = isNumber ? Number(bound) : nameIndex + field.min;
        if (value < field.min || value > field.max) {
          problems.push(`${field.name}: ${bound} is outside ${field.min}-${field.max}`);
        }
      }
    }
  });
  return problems;
}

/** Minutes after midnight of a daily schedule at one fixed time (`M H * * *`), else undefined. */
export function dailyMinute(schedule: string): number | undefined {
  const match = schedule.trim().match(/^(\d+) (\d+) \* \* \*$/);
  return match ? Number(match[1]) + 60 * Number(match[2]) : undefined;
}
