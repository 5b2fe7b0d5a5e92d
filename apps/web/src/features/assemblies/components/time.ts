import i18n, { formatLocale } from '../../../lib/i18n';

/** Assemblies take place in the city: times are shown and entered in its time zone. */
export const CITY_TIME_ZONE = 'Europe/Berlin';

function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(formatLocale(i18n.language), { timeZone: CITY_TIME_ZONE, ...options });
}

/** "Mittwoch, 3. Dezember 2026, 18:00–20:00" (one day) or a range over two days. */
export function formatSchedule(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const format = dateTimeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
}

/** Short form for lists: "Mi., 3. Dez. 2026, 18:00–20:00". */
export function formatScheduleShort(startsAt: string, endsAt: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const format = dateTimeFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
}

/** Offset of the city's zone from UTC at the given instant, in milliseconds. */
function cityOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CITY_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-03T18:00" in the city's time → ISO instant; null when the text is not such a value. */
export function cityLocalToIso(value: string): string | null {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - cityOffset(wall);
  instant = wall - cityOffset(instant); // the offset may change at the DST switch
  return new Date(instant).toISOString();
}

/** ISO instant → "2026-12-03T18:00" in the city's time, for <input type="datetime-local">. */
export function isoToCityLocal(iso: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  return new Date(instant + cityOffset(instant)).toISOString().slice(0, 16);
}
