//! Contacts spreadsheets in the shapes people and address books write them.

use super::super::table::rows as table;
use super::*;

fn read_text(text: &str) -> (Vec<ContactRecord>, Vec<SkippedRecord>) {
    let rows = table(text).unwrap();
    let (at, columns) = detect(&rows).expect("a name column");
    read(&rows[at + 1..], &columns, &rows[at])
}

#[test]
fn a_hand_made_list_in_french_with_semicolons() {
    let text =
        "Liste EHA 2026\nNom complet;Courriel;Établissement;Fonction;Ville;Pays;LinkedIn;Twitter;ORCID;Étiquettes\n\
                \"Sánchez, Ana\";ana@x.es;Hospital Clínic;Hématologue;Barcelona;Spain;ana-sanchez;@AnaHeme;\
                0000-0002-1825-0097;EHA 2026, Myeloma\n";
    let (records, skipped) = read_text(text);
    assert!(skipped.is_empty());
    let ana = &records[0];
    assert_eq!(ana.display_name, "Ana Sánchez");
    assert_eq!((ana.given_name.as_deref(), ana.family_name.as_deref()), (Some("Ana"), Some("Sánchez")));
    assert_eq!(ana.emails, vec!["ana@x.es"]);
    assert_eq!(ana.institution.as_deref(), Some("Hospital Clínic"));
    assert_eq!(ana.position.as_deref(), Some("Hématologue"));
    assert_eq!((ana.city.as_deref(), ana.country.as_deref()), (Some("Barcelona"), Some("Spain")));
    assert_eq!(ana.linkedin_url.as_deref(), Some("https://www.linkedin.com/in/ana-sanchez"));
    assert_eq!(ana.x_handle.as_deref(), Some("AnaHeme"));
    assert_eq!(ana.orcid.as_deref(), Some("0000-0002-1825-0097"));
    assert_eq!(ana.tags, vec!["EHA 2026", "Myeloma"]);
    assert_eq!(ana.line, 3);
}

#[test]
fn quoted_newlines_tabs_and_links_in_a_website_column() {
    let text = "Name\tEmails\tWebsite\tNotes\n\
                Kari Ødegård\tk@x.no; kari@y.no\thttps://bsky.app/profile/kari.bsky.social https://orcid.org/0000-0001-5109-3700\t\"met at ASH\nlikes MDS\"\n\
                Jörg Müller\t\thttps://www.linkedin.com/in/jmuller/\t\n";
    let (records, _) = read_text(text);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].emails, vec!["k@x.no", "kari@y.no"]);
    assert_eq!(records[0].bluesky_handle.as_deref(), Some("kari.bsky.social"));
    assert_eq!(records[0].orcid.as_deref(), Some("0000-0001-5109-3700"));
    assert_eq!(records[0].notes.as_deref(), Some("met at ASH\nlikes MDS"));
    assert_eq!(records[1].linkedin_url.as_deref(), Some("https://www.linkedin.com/in/jmuller"));
    assert_eq!(records[1].line, 4, "the quoted newline counts");
}

#[test]
fn rows_without_name_or_email_are_skipped_and_repeated_headers_passed() {
    let text =
        "First name,Last name,Email,Phone\nAna,Sánchez,,\n,,,+34 600\nFirst name,Last name,Email,Phone\n,,x@y.org,\n";
    let (records, skipped) = read_text(text);
    assert_eq!(records.iter().map(|r| r.shown_name()).collect::<Vec<_>>(), vec!["Ana Sánchez", "x@y.org"]);
    assert_eq!(records[1].display_name, "", "an address is not a name");
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].line, 3);
    assert!(skipped[0].reason.contains("no name"));
}

#[test]
fn phone_columns_prefer_the_mobile() {
    let text =
        "Name,Business Phone,Home Fax,Mobile Phone,Assistant's Phone\nAna,+1 111,+1 222,+1 333,+1 444\nJo,+1 555,,,\n";
    let (records, _) = read_text(text);
    assert_eq!(records[0].phone.as_deref(), Some("+1 333"));
    assert_eq!(records[1].phone.as_deref(), Some("+1 555"));
}

#[test]
fn google_and_outlook_columns() {
    let google = [
        "Name",
        "Given Name",
        "Additional Name",
        "Family Name",
        "Yomi Name",
        "Name Prefix",
        "Name Suffix",
        "Notes",
        "Group Membership",
        "E-mail 1 - Type",
        "E-mail 1 - Value",
        "E-mail 2 - Type",
        "E-mail 2 - Value",
        "Phone 1 - Type",
        "Phone 1 - Value",
        "Address 1 - City",
        "Address 1 - Country",
        "Organization 1 - Type",
        "Organization 1 - Name",
        "Organization 1 - Yomi Name",
        "Organization 1 - Title",
        "Website 1 - Type",
        "Website 1 - Value",
    ];
    let rows = table(&format!("{}\n", google.join(","))).unwrap();
    let columns = Columns::find(&rows[0]);
    let at = |header: &str| columns.found.iter().find(|(_, i)| google[*i] == header).map(|(f, _)| *f);
    assert_eq!(at("Name"), Some(Field::Name));
    assert_eq!(at("Given Name"), Some(Field::First));
    assert_eq!(at("Additional Name"), Some(Field::Middle));
    assert_eq!(at("Family Name"), Some(Field::Last));
    assert_eq!(at("Yomi Name"), None);
    assert_eq!(at("E-mail 1 - Type"), None);
    assert_eq!(at("E-mail 2 - Value"), Some(Field::Email));
    assert_eq!(at("Organization 1 - Name"), Some(Field::Institution));
    assert_eq!(at("Organization 1 - Yomi Name"), None);
    assert_eq!(at("Organization 1 - Title"), Some(Field::Position));
    assert_eq!(at("Group Membership"), Some(Field::Tags));
    assert_eq!(at("Website 1 - Value"), Some(Field::Website));

    let outlook = [
        "Title",
        "First Name",
        "Middle Name",
        "Last Name",
        "Suffix",
        "Company",
        "Department",
        "Job Title",
        "Business City",
        "Business State",
        "Business Country/Region",
        "Home City",
        "Business Phone",
        "Mobile Phone",
        "E-mail Address",
        "E-mail Type",
        "E-mail Display Name",
        "E-mail 2 Address",
        "Categories",
    ];
    let rows = table(&format!("{}\n", outlook.join(","))).unwrap();
    let columns = Columns::find(&rows[0]);
    let at = |header: &str| columns.found.iter().find(|(_, i)| outlook[*i] == header).map(|(f, _)| *f);
    assert_eq!(at("Title"), Some(Field::Prefix), "Outlook's Title is Mr/Dr; Job Title is the position");
    assert_eq!(at("Job Title"), Some(Field::Position));
    assert_eq!(at("Department"), None);
    assert_eq!(at("Business City"), Some(Field::City));
    assert_eq!(at("Home City"), None);
    assert_eq!(at("Business Country/Region"), Some(Field::Country));
    assert_eq!(at("E-mail Display Name"), None);
    assert_eq!(at("E-mail 2 Address"), Some(Field::Email));
    assert_eq!(at("Suffix"), Some(Field::Suffix));
}

#[test]
fn outlook_title_suffix_and_middle_name() {
    let text = "Title,First Name,Middle Name,Last Name,Suffix,Job Title,E-mail Address\n\
                Dr.,Martin,Luther,King,\"Jr., PhD\",Pastor,mlk(at)example.org\n\
                ,John,,Doe,III,,john@example.org\n";
    let (records, _) = read_text(text);
    let king = &records[0];
    assert_eq!(king.display_name, "Martin Luther King Jr.");
    assert_eq!(king.honorific.as_deref(), Some("Dr."), "Outlook's Title is the form of address");
    assert_eq!(king.position.as_deref(), Some("Pastor"));
    assert_eq!(king.middle_name.as_deref(), Some("Luther"));
    assert_eq!(king.credentials.as_deref(), Some("PhD"));
    assert!(king.emails.is_empty());
    assert_eq!(king.left_out.len(), 1);
    assert_eq!(king.left_out[0].line, 2);
    assert!(king.left_out[0].reason.starts_with("“E-mail Address” “mlk(at)example.org” is not an e-mail address"));
    assert_eq!((records[1].display_name.as_str(), records[1].credentials.as_deref()), ("John Doe III", None));
}

#[test]
fn a_title_column_holding_only_dr_is_the_form_of_address() {
    let (records, _) = read_text("Name,Title,Email\nAna Sánchez,Dr,a@x.es\nJo Kim,Nurse,j@x.es\n");
    assert_eq!((records[0].honorific.as_deref(), records[0].position.as_deref()), (Some("Dr"), None));
    assert_eq!((records[1].honorific.as_deref(), records[1].position.as_deref()), (None, Some("Nurse")));
}

#[test]
fn rows_are_known_by_their_content_not_their_line() {
    let (first, _) = read_text("Name,Phone\nJane Roe,123\nJo Kim,456\n");
    let (moved, _) = read_text("Name,Phone\nAl Bo,789\n\nJo Kim,456\nJane Roe,123\n");
    assert_eq!(first[0].source, moved[2].source);
    assert_eq!(first[1].source, moved[1].source);
    assert_ne!(first[0].source, first[1].source);
    let (other_header, _) = read_text("Name,Mobile\nJane Roe,123\n");
    assert_ne!(other_header[0].source, first[0].source, "the header is part of what a row says");
}
