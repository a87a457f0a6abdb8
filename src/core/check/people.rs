//! Who takes part in a conversation, as the name checks compare them: lower-cased handles and
//! name words.

use crate::core::conversation::{Author, Conversation, Party};
use crate::core::words::Words;
use std::collections::BTreeMap;

/// Short forms of first names that do not simply begin the name ("Tom" of "Thomas", "Álex"
/// of "Alejandro"; the rule file's list), with some that do (for `addressed`, which takes no
/// prefix): "short full", folded as [`fold`] does.
pub(super) const SHORT_FORMS: Words = listed_words!["names/short-forms";
    "tom thomas", "tommy thomas", "kate katherine", "kate catherine", "kate kathryn",
    "katie katherine", "katie catherine", "kathy katherine", "kathy kathleen",
    "cathy catherine", "kat katherine", "bill william", "billy william", "will william",
    "liam william", "bob robert", "bobby robert", "rob robert", "robbie robert", "bert robert",
    "dick richard", "rick richard", "ricky richard", "rich richard", "richie richard",
    "jim james", "jimmy james", "jamie james", "mike michael", "mikey michael", "mick michael",
    "mickey michael", "dave david", "davy david", "chris christopher", "chris christine",
    "chris christina", "steve stephen", "steve steven", "stevie stephen", "tony anthony",
    "ted edward", "ed edward", "eddie edward", "ned edward", "ted theodore", "teddy edward",
    "theo theodore", "jack john", "johnny john", "jon jonathan", "nate nathan",
    "nate nathaniel", "nat natalie", "sam samuel", "sam samantha", "sammy samuel",
    "ben benjamin", "benny benjamin", "dan daniel", "danny daniel", "nick nicholas",
    "nicky nicola", "alex alexander", "alex alexandra", "sasha alexander", "sasha alexandra",
    "sandy alexandra", "sandy sandra", "andy andrew", "drew andrew", "matt matthew",
    "pat patrick", "pat patricia", "patty patricia", "trish patricia", "tricia patricia",
    "paddy patrick", "greg gregory", "jeff jeffrey", "joe joseph", "joey joseph", "ken kenneth",
    "kenny kenneth", "larry lawrence", "len leonard", "leo leonard", "lenny leonard",
    "ron ronald", "ronnie ronald", "don donald", "donny donald", "pete peter", "phil philip",
    "phil phillip", "ray raymond", "stan stanley", "walt walter", "fred frederick",
    "freddie frederick", "hank henry", "harry henry", "charlie charles", "chuck charles",
    "al albert", "al alfred", "al alan", "bert albert", "art arthur", "gene eugene",
    "frank francis", "fran frances", "liz elizabeth", "lizzie elizabeth", "beth elizabeth",
    "betty elizabeth", "betsy elizabeth", "eliza elizabeth", "libby elizabeth", "ellie eleanor",
    "ellie elizabeth", "nell eleanor", "jen jennifer", "jenny jennifer", "jess jessica",
    "jessie jessica", "sue susan", "suzy susan", "susie susan", "meg margaret",
    "maggie margaret", "peggy margaret", "molly mary", "polly mary", "mandy amanda",
    "becky rebecca", "becca rebecca", "vicky victoria", "vicki victoria", "tori victoria",
    "abby abigail", "gabby gabrielle", "gabby gabriella", "debbie deborah", "deb deborah",
    "debbie debra", "cindy cynthia", "sally sarah", "sadie sarah", "annie anne", "annie ann",
    "nancy anne", "ginny virginia", "jo josephine", "josie josephine", "jo joanne",
    "val valerie", "tess theresa", "tessa theresa", "terri teresa", "steph stephanie",
    "connie constance", "dot dorothy", "kim kimberly", "mel melissa", "mel melanie",
    "millie amelia", "emmy emily", "em emily", "lexi alexis", "bella isabella", "izzy isabella",
    "izzy isabel", "zach zachary", "zack zachary", "jake jacob", "max maximilian",
    "max maxwell", "gus angus", "fergus ferguson", "vince vincent", "tim timothy",
    "timmy timothy", "toby tobias", "nico nicholas", "mo mohammed", "mo muhammad", "mo mohamed",
    "alex alejandro", "alejo alejandro", "ale alejandro", "ale alejandra", "pepe jose",
    "paco francisco", "pancho francisco", "curro francisco", "fran francisco", "kiko francisco",
    "lola dolores", "loli dolores", "concha concepcion", "conchi concepcion", "chelo consuelo",
    "nacho ignacio", "chus jesus", "chuy jesus", "charo rosario", "pili pilar",
    "quique enrique", "kike enrique", "manolo manuel", "manu manuel", "lupe guadalupe",
    "memo guillermo", "guille guillermo", "beto alberto", "beto roberto", "tono antonio",
    "toni antonio", "tona antonia", "tere teresa", "maite teresa", "rafa rafael",
    "fer fernando", "nando fernando", "dani daniel", "dani daniela", "isa isabel",
    "chabela isabel", "chava salvador", "santi santiago", "sole soledad", "mari maria",
    "luci lucia", "merche mercedes", "meche mercedes", "nati natalia", "vero veronica",
    "moni monica", "cris cristina", "cris cristian", "tina cristina", "lalo eduardo",
    "edu eduardo", "javi javier", "nico nicolas", "migue miguel", "sebas sebastian",
    "seba sebastian", "gabi gabriel", "gabi gabriela", "caro carolina", "pato patricio",
    "pati patricia", "paty patricia", "rosi rosa", "lucho luis", "pedrito pedro", "juanma juan",
    "juanjo juan", "josema jose", "chema jose", "marijo maria", "mariajo maria", "mayte teresa",
];

/// A set of words kept sorted: lookups bisect. (A hash set hashes with 64-bit arithmetic,
/// which the JavaScript translation of the module emulates slowly.)
#[derive(Debug, Default)]
pub struct WordSet(Vec<String>);

impl WordSet {
    pub fn insert(&mut self, w: String) {
        if let Err(at) = self.0.binary_search(&w) {
            self.0.insert(at, w);
        }
    }
    pub fn contains(&self, w: &str) -> bool {
        self.0.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Whether a word of the set begins with `w` (folded, three letters or more): "Chris" of
    /// "Christopher", "Sam" of "Samantha".
    /// Or, by [`SHORT_FORMS`], is a short form of one ("Tom" of "Thomas").
    pub fn shortened_to(&self, w: &str) -> bool {
        let w = fold(w);
        (w.chars().count() >= 3 && self.0.iter().any(|x| x.starts_with(&w))) || self.known_as(&w)
    }
    /// Whether `w` (folded) is a short form of a word of the set by [`SHORT_FORMS`], or the
    /// full name of one ("Thomas" to a Tom).
    pub fn known_as(&self, w: &str) -> bool {
        // (The list in hand once: `addressed` asks at each capitalised word of a draft.)
        let forms = SHORT_FORMS.resolved();
        self.0
            .iter()
            .any(|x| forms.contains(&format!("{w} {x}")) || forms.contains(&format!("{x} {w}")))
    }
}

#[derive(Debug, Default)]
pub struct People {
    /// Handles without `@`, lower-cased: authors and everyone @mentioned in the thread.
    pub handles: WordSet,
    /// Words of every author's display name, lower-cased.
    pub names: WordSet,
    /// The customer's handles and name words only.
    pub customer_handles: WordSet,
    pub customer_names: WordSet,
    /// The first word of each customer's display name (what a reply calls them by).
    pub customer_first: WordSet,
    /// The name words and handle of the customer being answered (in a public thread, one of
    /// several): empty when the page does not say who.
    pub answered: WordSet,
    /// Whether the customer answered has a name with words (a numeric or empty one could be
    /// anybody's: another name is not said to be someone else's).
    pub answered_named: bool,
}

impl People {
    pub fn is_name(&self, word: &str) -> bool {
        self.names.contains(&fold(word))
    }
    pub fn is_handle(&self, word: &str) -> bool {
        self.handles.contains(&fold(word))
    }
    pub fn is_customer(&self, word: &str) -> bool {
        let f = fold(word);
        self.customer_names.contains(&f) || self.customer_handles.contains(&f)
    }
    /// Whether `word` names another customer than the one being answered (known).
    pub fn is_other_customer(&self, word: &str) -> bool {
        self.answered_named && self.is_customer(word) && !self.answered.contains(&fold(word))
    }
    pub fn is_answered(&self, word: &str) -> bool {
        self.answered.contains(&fold(word))
    }
}

/// Lower-cases and drops the accents of Latin letters, so "María" and "maria" compare equal.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        // An accent written apart from its letter goes as a precomposed one does.
        .filter(|&c| !super::text::is_combining_mark(c))
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// The words of a display name that can be a name (letters, two or more).
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .map(fold)
}

/// The handles @mentioned in a text, without `@`.
pub fn mentions(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices('@').filter_map(move |(at, _)| {
        let glued = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let rest = &text[at + 1..];
        // Letters, digits, `_`, and `.` between them (Instagram's "marco.trails").
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            let inner = c.is_alphanumeric()
                || c == '_'
                || (c == '.'
                    && i > 0
                    && rest[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric));
            if !inner {
                break;
            }
            end = i + c.len_utf8();
        }
        (!glued && end > 0).then(|| &rest[..end])
    })
}

impl People {
    pub fn of(c: &Conversation) -> People {
        let mut p = People::default();
        let add = |a: &Author, customer: bool, p: &mut People| {
            if let Some(first) = name_words(&a.name).next().filter(|_| customer) {
                p.customer_first.insert(first);
            }
            for w in name_words(&a.name) {
                p.names.insert(w.clone());
                if customer {
                    p.customer_names.insert(w);
                }
            }
            if let Some(h) = &a.handle {
                let h = fold(h.trim_start_matches('@'));
                p.handles.insert(h.clone());
                if customer {
                    p.customer_handles.insert(h);
                }
            }
        };
        if let Some(a) = &c.customer {
            add(a, true, &mut p);
            for w in name_words(&a.name) {
                p.answered.insert(w);
                p.answered_named = true;
            }
            if let Some(h) = &a.handle {
                p.answered.insert(fold(h.trim_start_matches('@')));
            }
        }
        // Each author is folded once. A map, not a list searched for each message: a public
        // thread of thousands of posts can have thousands of authors. (Keyed by one string, as
        // the reading's index is, so that the module carries no other kind of map.)
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for m in c.messages.iter() {
            let customer = m.party == Party::Customer;
            let handle = m.author.handle.as_deref();
            // The name's length first: no two (name, handle) pairs make the same key.
            let mut key = format!(
                "{}{}:",
                if customer { 'c' } else { 'b' },
                m.author.name.len()
            );
            key.push_str(&m.author.name);
            key.push_str(handle.unwrap_or(""));
            if seen.insert(key, 0).is_none() {
                add(&m.author, customer, &mut p);
            }
            for h in mentions(&m.text) {
                p.handles.insert(fold(h));
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn every_author_of_a_long_thread_is_read_on_each_side() {
        use super::People;
        use crate::core::conversation::{Author, Conversation, Message, Party, Site, Surface};
        use std::rc::Rc;
        // Name words are letters only: author 12 is "Nbc".
        let word = |i: usize| -> String {
            let digits = i.to_string();
            let letters = digits.bytes().map(|d| (b'a' + d - b'0') as char);
            std::iter::once('N').chain(letters).collect()
        };
        let author = |i: usize| Author {
            name: format!("{} Surname", word(i)),
            handle: (i % 3 != 0).then(|| format!("User{i}")),
        };
        // Author 1,001 writes first as us (a shared account), then as a customer; then 3,000
        // posts by 1,000 authors, each writing three times; author 7 also as us.
        let mut messages: Vec<Message> = [Party::Brand, Party::Customer]
            .into_iter()
            .map(|party| Message {
                id: format!("{party:?}"),
                author: author(1001),
                party,
                sent: None,
                first_seen_ms: None,
                text: String::new(),
            })
            .collect();
        messages.extend((0..3000).map(|k| Message {
            id: k.to_string(),
            author: author(k % 1000),
            party: Party::Customer,
            sent: None,
            first_seen_ms: None,
            text: format!("post {k} cc @Friend{k}"),
        }));
        messages.push(Message {
            id: "us".into(),
            author: author(7),
            party: Party::Brand,
            sent: None,
            first_seen_ms: None,
            text: "Hi!".into(),
        });
        let c = Conversation {
            site: Site::X,
            surface: Surface::Post,
            thread: None,
            customer: None,
            messages: Rc::new(messages),
        };
        let p = People::of(&c);
        for i in [0, 1, 2, 500, 999] {
            assert!(p.is_name(&word(i)), "{i}");
            assert_eq!(p.is_handle(&format!("user{i}")), i % 3 != 0, "{i}");
            assert!(p.customer_names.contains(&word(i).to_lowercase()), "{i}");
        }
        assert!(p.is_handle("friend2999"), "mentions in every post are read");
        assert!(!p.is_name(&word(1000)));
        // Read as us first, the shared account is still read as the customer after.
        assert!(p.customer_names.contains(&word(1001).to_lowercase()));
        assert!(p.customer_handles.contains("user1001"));
        // Two authors whose name and handle run together alike are still two.
        let two = |name: &str, handle: Option<&str>| Message {
            id: name.into(),
            author: Author {
                name: name.into(),
                handle: handle.map(str::to_owned),
            },
            party: Party::Customer,
            sent: None,
            first_seen_ms: None,
            text: String::new(),
        };
        let c = Conversation {
            messages: Rc::new(vec![two("Ann", Some("bee")), two("Annbee", None)]),
            ..c
        };
        let p = People::of(&c);
        assert!(p.is_name("ann") && p.is_handle("bee") && p.is_name("annbee"));
    }

    #[test]
    fn mentions_keep_instagram_dots_but_not_a_full_stop() {
        let found: Vec<&str> =
            mentions("@marco.trails hi, cc @Acme_Help. mail me@example.com @kai.").collect();
        assert_eq!(found, ["marco.trails", "Acme_Help", "kai"]);
    }
}
