//! Windows and Outlook time-zone names to IANA zones. Exchange and Outlook
//! write TZIDs like "W. Europe Standard Time" or "(UTC-05:00) Eastern Time
//! (US & Canada)" instead of IANA names. This table covers the common ones
//! (the Windows names after CLDR's windowsZones "001" mapping, and the
//! Outlook display names of the congress cities that matter); names are
//! compared after folding case, accents and punctuation, and with any
//! "(UTC±hh:mm)" prefix removed.

use chrono_tz::Tz;

const WINDOWS: &[(&str, &str)] = &[
    ("dateline standard time", "Etc/GMT+12"),
    ("hawaiian standard time", "Pacific/Honolulu"),
    ("alaskan standard time", "America/Anchorage"),
    ("pacific standard time mexico", "America/Tijuana"),
    ("pacific standard time", "America/Los_Angeles"),
    ("us mountain standard time", "America/Phoenix"),
    ("mountain standard time mexico", "America/Mazatlan"),
    ("mountain standard time", "America/Denver"),
    ("central america standard time", "America/Guatemala"),
    ("central standard time mexico", "America/Mexico_City"),
    ("central standard time", "America/Chicago"),
    ("canada central standard time", "America/Regina"),
    ("sa pacific standard time", "America/Bogota"),
    ("eastern standard time mexico", "America/Cancun"),
    ("eastern standard time", "America/New_York"),
    ("us eastern standard time", "America/Indiana/Indianapolis"),
    ("venezuela standard time", "America/Caracas"),
    ("atlantic standard time", "America/Halifax"),
    ("sa western standard time", "America/La_Paz"),
    ("central brazilian standard time", "America/Cuiaba"),
    ("pacific sa standard time", "America/Santiago"),
    ("newfoundland standard time", "America/St_Johns"),
    ("e south america standard time", "America/Sao_Paulo"),
    ("sa eastern standard time", "America/Cayenne"),
    ("argentina standard time", "America/Argentina/Buenos_Aires"),
    ("montevideo standard time", "America/Montevideo"),
    ("azores standard time", "Atlantic/Azores"),
    ("cape verde standard time", "Atlantic/Cape_Verde"),
    ("utc", "UTC"),
    ("coordinated universal time", "UTC"),
    ("gmt standard time", "Europe/London"),
    ("greenwich standard time", "Atlantic/Reykjavik"),
    ("w europe standard time", "Europe/Berlin"),
    ("central europe standard time", "Europe/Budapest"),
    ("romance standard time", "Europe/Paris"),
    ("central european standard time", "Europe/Warsaw"),
    ("w central africa standard time", "Africa/Lagos"),
    ("jordan standard time", "Asia/Amman"),
    ("gtb standard time", "Europe/Bucharest"),
    ("middle east standard time", "Asia/Beirut"),
    ("egypt standard time", "Africa/Cairo"),
    ("e europe standard time", "Europe/Chisinau"),
    ("syria standard time", "Asia/Damascus"),
    ("south africa standard time", "Africa/Johannesburg"),
    ("fle standard time", "Europe/Kiev"),
    ("israel standard time", "Asia/Jerusalem"),
    ("turkey standard time", "Europe/Istanbul"),
    ("arabic standard time", "Asia/Baghdad"),
    ("arab standard time", "Asia/Riyadh"),
    ("russian standard time", "Europe/Moscow"),
    ("e africa standard time", "Africa/Nairobi"),
    ("iran standard time", "Asia/Tehran"),
    ("arabian standard time", "Asia/Dubai"),
    ("azerbaijan standard time", "Asia/Baku"),
    ("georgian standard time", "Asia/Tbilisi"),
    ("caucasus standard time", "Asia/Yerevan"),
    ("afghanistan standard time", "Asia/Kabul"),
    ("west asia standard time", "Asia/Tashkent"),
    ("ekaterinburg standard time", "Asia/Yekaterinburg"),
    ("pakistan standard time", "Asia/Karachi"),
    ("india standard time", "Asia/Kolkata"),
    ("sri lanka standard time", "Asia/Colombo"),
    ("nepal standard time", "Asia/Kathmandu"),
    ("central asia standard time", "Asia/Almaty"),
    ("bangladesh standard time", "Asia/Dhaka"),
    ("myanmar standard time", "Asia/Yangon"),
    ("se asia standard time", "Asia/Bangkok"),
    ("n central asia standard time", "Asia/Novosibirsk"),
    ("china standard time", "Asia/Shanghai"),
    ("north asia standard time", "Asia/Krasnoyarsk"),
    ("singapore standard time", "Asia/Singapore"),
    ("w australia standard time", "Australia/Perth"),
    ("taipei standard time", "Asia/Taipei"),
    ("ulaanbaatar standard time", "Asia/Ulaanbaatar"),
    ("tokyo standard time", "Asia/Tokyo"),
    ("korea standard time", "Asia/Seoul"),
    ("cen australia standard time", "Australia/Adelaide"),
    ("aus central standard time", "Australia/Darwin"),
    ("e australia standard time", "Australia/Brisbane"),
    ("aus eastern standard time", "Australia/Sydney"),
    ("west pacific standard time", "Pacific/Port_Moresby"),
    ("tasmania standard time", "Australia/Hobart"),
    ("vladivostok standard time", "Asia/Vladivostok"),
    ("central pacific standard time", "Pacific/Guadalcanal"),
    ("new zealand standard time", "Pacific/Auckland"),
    ("fiji standard time", "Pacific/Fiji"),
    ("tonga standard time", "Pacific/Tongatapu"),
    ("samoa standard time", "Pacific/Apia"),
    ("morocco standard time", "Africa/Casablanca"),
    ("mauritius standard time", "Indian/Mauritius"),
    // Outlook display names (without their "(UTC±hh:mm)" prefix).
    ("eastern time us and canada", "America/New_York"),
    ("central time us and canada", "America/Chicago"),
    ("mountain time us and canada", "America/Denver"),
    ("pacific time us and canada", "America/Los_Angeles"),
    ("alaska", "America/Anchorage"),
    ("hawaii", "Pacific/Honolulu"),
    ("arizona", "America/Phoenix"),
    ("atlantic time canada", "America/Halifax"),
    ("brasilia", "America/Sao_Paulo"),
    ("buenos aires", "America/Argentina/Buenos_Aires"),
    ("city of buenos aires", "America/Argentina/Buenos_Aires"),
    ("bogota lima quito", "America/Bogota"),
    ("bogota lima quito rio branco", "America/Bogota"),
    ("guadalajara mexico city monterrey", "America/Mexico_City"),
    ("santiago", "America/Santiago"),
    ("dublin edinburgh lisbon london", "Europe/London"),
    ("greenwich mean time dublin edinburgh lisbon london", "Europe/London"),
    ("amsterdam berlin bern rome stockholm vienna", "Europe/Berlin"),
    ("belgrade bratislava budapest ljubljana prague", "Europe/Budapest"),
    ("brussels copenhagen madrid paris", "Europe/Paris"),
    ("sarajevo skopje warsaw zagreb", "Europe/Warsaw"),
    ("west central africa", "Africa/Lagos"),
    ("athens bucharest", "Europe/Bucharest"),
    ("athens bucharest istanbul", "Europe/Bucharest"),
    ("helsinki kyiv riga sofia tallinn vilnius", "Europe/Helsinki"),
    ("helsinki kiev riga sofia tallinn vilnius", "Europe/Helsinki"),
    ("jerusalem", "Asia/Jerusalem"),
    ("cairo", "Africa/Cairo"),
    ("istanbul", "Europe/Istanbul"),
    ("moscow st petersburg", "Europe/Moscow"),
    ("moscow st petersburg volgograd", "Europe/Moscow"),
    ("abu dhabi muscat", "Asia/Dubai"),
    ("chennai kolkata mumbai new delhi", "Asia/Kolkata"),
    ("bangkok hanoi jakarta", "Asia/Bangkok"),
    ("beijing chongqing hong kong urumqi", "Asia/Shanghai"),
    ("kuala lumpur singapore", "Asia/Singapore"),
    ("perth", "Australia/Perth"),
    ("taipei", "Asia/Taipei"),
    ("osaka sapporo tokyo", "Asia/Tokyo"),
    ("seoul", "Asia/Seoul"),
    ("adelaide", "Australia/Adelaide"),
    ("darwin", "Australia/Darwin"),
    ("brisbane", "Australia/Brisbane"),
    ("canberra melbourne sydney", "Australia/Sydney"),
    ("hobart", "Australia/Hobart"),
    ("auckland wellington", "Pacific/Auckland"),
];

/// The IANA zone a Windows or Outlook zone name stands for, if known.
pub(super) fn lookup(name: &str) -> Option<Tz> {
    let key = normalise(name);
    let key = key.replace("daylight time", "standard time");
    WINDOWS.iter().find(|(k, _)| *k == key).and_then(|(_, iana)| iana.parse().ok())
}

/// Lower-case ASCII words: accents folded, punctuation dropped, "&" read as
/// "and", and a leading "(UTC+01:00)"/"(GMT-05.00)" removed.
fn normalise(name: &str) -> String {
    let mut name = name.trim();
    if name.starts_with('(') {
        if let Some(close) = name.find(')') {
            let inner = name[1..close].trim_start().to_ascii_uppercase();
            if inner.starts_with("UTC") || inner.starts_with("GMT") {
                name = &name[close + 1..];
            }
        }
    }
    let folded = deunicode::deunicode(name).to_ascii_lowercase().replace('&', " and ");
    folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_a_known_zone() {
        for (key, iana) in WINDOWS {
            assert!(iana.parse::<Tz>().is_ok(), "{key} -> {iana}");
            assert_eq!(normalise(key), *key, "keys are stored normalised");
        }
    }

    #[test]
    fn names_as_exchange_and_outlook_write_them() {
        assert_eq!(lookup("W. Europe Standard Time"), Some(Tz::Europe__Berlin));
        assert_eq!(lookup("Romance Standard Time"), Some(Tz::Europe__Paris));
        assert_eq!(lookup("Eastern Daylight Time"), Some(Tz::America__New_York));
        assert_eq!(lookup("(UTC-03:00) Brasília"), Some(Tz::America__Sao_Paulo));
        assert_eq!(lookup("(UTC-05:00) Eastern Time (US & Canada)"), Some(Tz::America__New_York));
        assert_eq!(lookup("(UTC-05:00) Eastern Time (US and Canada)"), Some(Tz::America__New_York));
        assert_eq!(lookup("(GMT+10:00) Canberra, Melbourne, Sydney"), Some(Tz::Australia__Sydney));
        assert_eq!(lookup("(UTC+07:00) Bangkok, Hanoi, Jakarta"), Some(Tz::Asia__Bangkok));
        assert_eq!(lookup("(GMT +01:00)"), None);
        assert_eq!(lookup("FOO"), None);
    }
}
