//! Freeze windows: times in which a bucket does not move. A window is a
//! fixed span, or a span of every week in a time zone (`fri 16:00-mon 08:00`
//! in Europe/Berlin); whether one holds is a pure function of the time.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::InvalidInput;

/// When a freeze holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Window {
    /// From one time until another.
    Between { from: DateTime<Utc>, until: DateTime<Utc> },
    /// Each week, from a day and time until a day and time, in a time zone (IANA name or UTC).
    Weekly { from: WeekTime, until: WeekTime, timezone: String },
}

/// A day of the week (0 = Monday) and a time of day, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekTime {
    pub day: u8,
    pub minute: u16,
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEK: i64 = 7 * 24 * 60;

impl WeekTime {
    /// `fri 16:00`.
    pub fn parse(s: &str) -> Result<WeekTime, InvalidInput> {
        let bad = || InvalidInput(format!("invalid time of the week {s:?}: give a day and a time, e.g. fri 16:00"));
        let (day, time) = s.trim().split_once(' ').ok_or_else(bad)?;
        let day = DAYS.iter().position(|d| day.trim().to_ascii_lowercase().starts_with(d)).ok_or_else(bad)?;
        let (h, m) = time.trim().split_once(':').ok_or_else(bad)?;
        let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h > 23 || m > 59 {
            return Err(bad());
        }
        Ok(WeekTime { day: day as u8, minute: h * 60 + m })
    }

    fn of_week(self) -> i64 {
        i64::from(self.day) * 24 * 60 + i64::from(self.minute)
    }
}

impl fmt::Display for WeekTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = DAYS.get(usize::from(self.day)).unwrap_or(&"day?");
        write!(f, "{day} {:02}:{:02}", self.minute / 60, self.minute % 60)
    }
}

impl Window {
    /// `fri 16:00-mon 08:00` in `timezone`.
    pub fn weekly(spec: &str, timezone: &str) -> Result<Window, InvalidInput> {
        let (from, until) = spec.split_once('-').ok_or_else(|| {
            InvalidInput(format!(
                "invalid weekly window {spec:?}: give DAY HH:MM-DAY HH:MM, e.g. 'fri 16:00-mon 08:00'"
            ))
        })?;
        let window =
            Window::Weekly { from: WeekTime::parse(from)?, until: WeekTime::parse(until)?, timezone: timezone.into() };
        zone(timezone)?;
        if let Window::Weekly { from, until, .. } = &window
            && from == until
        {
            return Err(InvalidInput(format!("weekly window {spec:?} starts when it ends")));
        }
        Ok(window)
    }

    pub fn between(from: DateTime<Utc>, until: DateTime<Utc>) -> Result<Window, InvalidInput> {
        if until <= from {
            return Err(InvalidInput(format!("a freeze until {until} must end after it starts ({from})")));
        }
        Ok(Window::Between { from, until })
    }

    /// When the window ends, if it holds at `now`.
    pub fn holds_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Window::Between { from, until } => (*from <= now && now < *until).then_some(*until),
            Window::Weekly { from, until, timezone } => {
                // A zone this host cannot read is judged in UTC, never as "not frozen".
                let tz = zone(timezone).unwrap_or(jiff::tz::TimeZone::UTC);
                let zoned = jiff::Timestamp::from_second(now.timestamp()).ok()?.to_zoned_datetime(tz.clone());
                let day = i64::from(zoned.weekday().to_monday_zero_offset());
                let here = day * 24 * 60 + i64::from(zoned.hour()) * 60 + i64::from(zoned.minute());
                let (start, end) = (from.of_week(), until.of_week());
                let inside = if start < end { start <= here && here < end } else { here >= start || here < end };
                if !inside {
                    return None;
                }
                // The end as the zone's clocks show it, so a change of daylight saving time is kept.
                let ahead = (end - here).rem_euclid(WEEK);
                let ahead = if ahead == 0 { WEEK } else { ahead };
                let wall = zoned.datetime().checked_add(jiff::Span::new().minutes(ahead)).ok()?;
                let wall = wall.with().second(0).subsec_nanosecond(0).build().ok()?;
                let end = tz.to_zoned_datetime(wall).ok()?.timestamp().as_second();
                DateTime::from_timestamp(end, 0).or(Some(now + Duration::minutes(ahead)))
            }
        }
    }
}

impl Window {
    /// What a window must be to be kept, however it arrived (the HTTP API takes it whole).
    pub fn check(&self) -> Result<(), InvalidInput> {
        match self {
            Window::Between { from, until } => Window::between(*from, *until).map(|_| ()),
            Window::Weekly { from, until, timezone } => {
                for t in [from, until] {
                    if t.day > 6 || t.minute >= 24 * 60 {
                        return Err(InvalidInput(format!(
                            "invalid time of the week: day {} minute {}",
                            t.day, t.minute
                        )));
                    }
                }
                if from == until {
                    return Err(InvalidInput("a weekly window starts when it ends".into()));
                }
                zone(timezone).map(|_| ())
            }
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Between { from, until } => write!(f, "{} until {}", from.to_rfc3339(), until.to_rfc3339()),
            Window::Weekly { from, until, timezone } => write!(f, "every {from}-{until} {timezone}"),
        }
    }
}

fn zone(name: &str) -> Result<jiff::tz::TimeZone, InvalidInput> {
    if name.eq_ignore_ascii_case("utc") {
        return Ok(jiff::tz::TimeZone::UTC);
    }
    jiff::tz::TimeZone::get(name).map_err(|_| {
        InvalidInput(format!("unknown time zone {name:?}: give an IANA name such as Europe/Berlin, or UTC"))
    })
}

/// A freeze on a bucket of one integration, or of every integration.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Freeze {
    pub id: i64,
    /// None: every integration's bucket of this name.
    pub integration: Option<String>,
    pub bucket: String,
    pub window: Window,
    pub reason: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub ended_by: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_weekly_window_wraps_the_weekend_in_its_own_time_zone() {
        let window = Window::weekly("fri 16:00-mon 08:00", "Europe/Berlin").unwrap();
        // Friday 2026-12-04 15:30 UTC is 16:30 in Berlin (UTC+1): frozen until Monday 08:00 Berlin.
        assert_eq!(window.holds_until(at("2026-12-04T15:30:00Z")), Some(at("2026-12-07T07:00:00Z")));
        assert_eq!(window.holds_until(at("2026-12-04T14:59:00Z")), None, "15:59 in Berlin");
        assert_eq!(window.holds_until(at("2026-12-06T23:00:00Z")), Some(at("2026-12-07T07:00:00Z")), "Monday 00:00");
        assert_eq!(window.holds_until(at("2026-12-07T07:00:00Z")), None, "it ends on the minute");
        // Across the change to summer time (2027-03-28), the end is still 08:00 in Berlin, now UTC+2.
        assert_eq!(window.holds_until(at("2027-03-26T16:00:00Z")), Some(at("2027-03-29T06:00:00Z")));
    }

    #[test]
    fn windows_are_checked_when_they_are_given() {
        assert!(Window::weekly("fri 16:00", "UTC").is_err());
        assert!(Window::weekly("fri 16:00-fri 16:00", "UTC").is_err());
        assert!(Window::weekly("fri 25:00-mon 08:00", "UTC").is_err());
        assert!(Window::weekly("fri 16:00-mon 08:00", "Mars/Olympus").is_err());
        assert!(Window::between(at("2026-12-05T00:00:00Z"), at("2026-12-04T00:00:00Z")).is_err());
        let fixed = Window::between(at("2026-12-24T00:00:00Z"), at("2026-12-27T00:00:00Z")).unwrap();
        assert_eq!(fixed.holds_until(at("2026-12-25T12:00:00Z")), Some(at("2026-12-27T00:00:00Z")));
        assert_eq!(fixed.holds_until(at("2026-12-27T00:00:00Z")), None);
    }
}
