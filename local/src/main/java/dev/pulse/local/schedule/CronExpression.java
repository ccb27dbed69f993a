package dev.pulse.local.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge's cron: {@code minutes hours day-of-month month day-of-week year}, in UTC, with {@code , - * /},
 * {@code ?} (exactly one of the two day fields), month and weekday names, {@code L} (last day of the month, or
 * {@code 5L} last Thursday), {@code W} (nearest weekday, {@code 15W}, {@code LW}) and {@code #} ({@code 2#1}, first
 * Monday). Day-of-week numbers run 1 (Sunday) to 7 (Saturday).
 */
public final class CronExpression implements ScheduleExpression {
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final BitSet minutes;
    private final BitSet hours;
    private final String dayOfMonth;
    private final BitSet months;
    private final String dayOfWeek;
    private final BitSet years;

    private CronExpression(
            BitSet minutes, BitSet hours, String dayOfMonth, BitSet months, String dayOfWeek, BitSet years) {
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    public static CronExpression parse(String fields) {
        String[] parts = fields.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException(
                    "EventBridge cron needs 6 fields (min hour dom month dow year): " + fields);
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?': " + fields);
        }
        CronExpression cron = new CronExpression(
                set(parts[0], 0, 59, List.of()),
                set(parts[1], 0, 23, List.of()),
                parts[2],
                set(parts[3], 1, 12, MONTHS),
                parts[4],
                set(parts[5], 1970, 2199, List.of()));
        // Validate the day fields once, so a typo fails at start-up rather than at the first evaluation.
        cron.dayMatches(LocalDate.of(2030, 1, 1));
        return cron;
    }

    @Override
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime start = after.withZoneSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < 366 * 230 && day.getYear() <= 2199; i++, day = day.plusDays(1)) {
            if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            int fromHour = day.equals(start.toLocalDate()) ? start.getHour() : 0;
            for (int h = hours.nextSetBit(fromHour); h >= 0; h = hours.nextSetBit(h + 1)) {
                int fromMinute = day.equals(start.toLocalDate()) && h == start.getHour() ? start.getMinute() : 0;
                int m = minutes.nextSetBit(fromMinute);
                if (m >= 0) {
                    return day.atTime(h, m).atZone(ZoneOffset.UTC);
                }
            }
        }
        throw new IllegalStateException("cron expression never fires again");
    }

    boolean dayMatches(LocalDate day) {
        return dayOfMonth.equals("?") ? weekdayMatches(day) : monthDayMatches(day);
    }

    private boolean monthDayMatches(LocalDate day) {
        int last = day.lengthOfMonth();
        for (String item : dayOfMonth.split(",")) {
            if (item.equals("L")) {
                if (day.getDayOfMonth() == last) {
                    return true;
                }
            } else if (item.equals("LW")) {
                if (day.equals(nearestWeekday(day.withDayOfMonth(last)))) {
                    return true;
                }
            } else if (item.endsWith("W")) {
                int target = Integer.parseInt(item.substring(0, item.length() - 1));
                if (target <= last && day.equals(nearestWeekday(day.withDayOfMonth(target)))) {
                    return true;
                }
            } else if (set(item, 1, 31, List.of()).get(day.getDayOfMonth())) {
                return true;
            }
        }
        return false;
    }

    private boolean weekdayMatches(LocalDate day) {
        int weekday = day.getDayOfWeek().getValue() % 7 + 1; // 1 = Sunday ... 7 = Saturday
        for (String item : dayOfWeek.split(",")) {
            if (item.endsWith("L") && item.length() > 1) {
                int wanted = weekdayNumber(item.substring(0, item.length() - 1));
                if (weekday == wanted && day.plusWeeks(1).getMonthValue() != day.getMonthValue()) {
                    return true;
                }
            } else if (item.contains("#")) {
                String[] parts = item.split("#");
                int wanted = weekdayNumber(parts[0]);
                int nth = Integer.parseInt(parts[1]);
                if (nth < 1 || nth > 5) {
                    throw new IllegalArgumentException("day-of-week # must be 1-5: " + item);
                }
                if (weekday == wanted && (day.getDayOfMonth() - 1) / 7 + 1 == nth) {
                    return true;
                }
            } else if (item.equals("L")) {
                if (weekday == 7) {
                    return true;
                }
            } else if (set(item, 1, 7, DAYS).get(weekday)) {
                return true;
            }
        }
        return false;
    }

    private static int weekdayNumber(String text) {
        int index = DAYS.indexOf(text);
        return index >= 0 ? index + 1 : Integer.parseInt(text);
    }

    private static LocalDate nearestWeekday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY) {
            return day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
        }
        if (weekday == DayOfWeek.SUNDAY) {
            return day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
        }
        return day;
    }

    /** Parses {@code *}, {@code ?}, lists, ranges and steps (with names) into the set of allowed values. */
    private static BitSet set(String field, int min, int max, List<String> names) {
        BitSet bits = new BitSet(max + 1);
        for (String item : field.split(",")) {
            String range = item;
            int step = 1;
            if (item.contains("/")) {
                range = item.substring(0, item.indexOf('/'));
                step = Integer.parseInt(item.substring(item.indexOf('/') + 1));
                if (step < 1) {
                    throw new IllegalArgumentException("cron step must be positive: " + item);
                }
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), min, names);
                to = value(range.substring(range.indexOf('-') + 1), min, names);
            } else {
                from = value(range, min, names);
                to = item.contains("/") ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("cron value out of range " + min + "-" + max + ": " + item);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, int min, List<String> names) {
        int index = names.indexOf(text);
        if (index >= 0) {
            return index + min;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cron value: " + text);
        }
    }
}
