"""Word lists the generator draws from: names, handle words, organisations and platform spellings.

Everything here is invented or generic. E-mail domains are the reserved example.* domains and phone numbers
come from Ofcom's ranges kept for drama, so no generated contact detail belongs to a real person.
"""

from __future__ import annotations

FIRST_NAMES = (
    "James", "Daniel", "Mohammed", "Oliver", "Harry", "Thomas", "Ryan", "Liam", "Connor", "Jack", "Callum",
    "Aaron", "Dean", "Gary", "Lee", "Craig", "Mark", "Paul", "Wayne", "Darren", "Kieran", "Jamie", "Sean",
    "Rhys", "Dylan", "Owen", "Gareth", "Ewan", "Fraser", "Hamza", "Bilal", "Imran", "Arjun", "Rohan", "Sanjay",
    "Kwame", "Tunde", "Emeka", "Marcus", "Andre", "Tomasz", "Piotr", "Łukasz", "Andrei", "Yusuf", "Omar",
    "Ahmed", "Kofi", "Reuben", "Eli", "Nathan", "Samuel", "Jordan", "Tyler", "Kyle", "Shane", "Stuart",
    "Graham", "Neil", "Martin", "Amira", "Aisha", "Fatima", "Zainab", "Priya", "Anjali", "Sophie", "Emily",
    "Olivia", "Chloe", "Megan", "Jessica", "Hannah", "Lauren", "Amy", "Rebecca", "Sarah", "Laura", "Gemma",
    "Kelly", "Nicola", "Joanne", "Siân", "Ffion", "Eilidh", "Niamh", "Aoife", "Zoë", "Grace", "Chidinma",
    "Ngozi", "Abena", "Keisha", "Jasmine", "Leah", "Rachel", "Miriam", "Esther", "Agnieszka", "Natalia",
    "Ioana", "Ruth", "Harpreet", "Gurpreet", "Simran", "Nadia", "Yasmin", "Mei", "Ayesha", "Samira", "Elif",
)

NICKNAMES = {
    "Daniel": ("Dan", "Danny"), "James": ("Jim", "Jamie"), "Thomas": ("Tom", "Tommy"), "Mohammed": ("Mo",),
    "Samuel": ("Sam",), "Nathan": ("Nath", "Nate"), "Rebecca": ("Becky", "Becca"), "Jessica": ("Jess",),
    "Olivia": ("Liv",), "Oliver": ("Ollie",), "Stuart": ("Stu",), "Marcus": ("Marc",), "Gareth": ("Gaz",),
    "Gary": ("Gaz",), "Callum": ("Cal",), "Connor": ("Con",), "Jordan": ("Jord",), "Nicola": ("Nicky",),
    "Joanne": ("Jo",), "Hannah": ("Han",), "Samira": ("Sam",), "Natalia": ("Nat",), "Jasmine": ("Jas",),
    "Andrei": ("Andy",), "Tomasz": ("Tom",), "Kieran": ("Kez",), "Darren": ("Daz",), "Lauren": ("Loz",),
}

SURNAMES = (
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
    "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
    "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
    "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott",
    "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly",
    "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards",
    "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Ali", "Hussain", "Ahmed",
    "Shah", "Kaur", "Okafor", "Adeyemi", "Mensah", "Owusu", "Campbell", "MacDonald", "Fraser", "Murray",
    "O'Brien", "O'Connor", "Byrne", "Doyle", "Kowalski", "Nowak", "Popescu", "Haddad", "Cohen", "Levy", "Chen",
    "Wong", "Nguyen", "Yilmaz", "Kirby", "Pike", "Reilly", "Pritchard", "Haworth", "Sutcliffe", "Beaumont",
    "Ashworth", "Ramsden", "Ogunleye", "Chaudhry", "Iqbal", "Rahman", "Sharma", "Gill",
)

# Words for pseudonymous handles ("north_patriot", "laughs.daily"); bland on purpose.
HANDLE_WORDS = (
    "north", "south", "patriot", "true", "real", "truth", "awake", "free", "speech", "lad", "banter", "laughs",
    "daily", "king", "anon", "watcher", "bulldog", "oak", "iron", "shield", "common", "sense", "proud", "local",
    "voice", "plain", "talk", "honest", "angry", "citizen", "old", "school", "union", "island", "grey", "wolf",
    "night", "owl", "based", "facts", "memes", "clips", "news", "uncut", "raw", "frontline", "street", "view",
)

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example.com", "post.example.net")

THIRD_PARTY_CENTRES = (
    "Northern Community Reporting Centre", "Midlands Faith Communities Helpline",
    "LGBT+ Anti-Abuse Reporting Line", "Disability Hate Reporting Service", "Race Equality Reporting Centre",
    "Anti-Muslim Hatred Monitoring Project", "Jewish Community Safety Reporting Line",
    "Trans Safety Reporting Network", "Wales Hate Support Reporting Centre",
    "Hate Crime Support Service (South East)", "A third-party reporting centre",
)

HUB_NAME = "National Online Hate Crime Hub"

# How reporters write a platform's name, most common first.
PLATFORM_LABELS = {
    "X": ("X", "Twitter", "twitter", "X (Twitter)", "x", "Twitter/X"),
    "Facebook": ("Facebook", "facebook", "FB", "Facebook "),
    "Instagram": ("Instagram", "instagram", "IG", "Insta"),
    "TikTok": ("TikTok", "Tiktok", "tiktok", "Tik Tok"),
    "YouTube": ("YouTube", "Youtube", "youtube", "YT"),
    "Reddit": ("Reddit", "reddit", "Reddit "),
    "Telegram": ("Telegram", "telegram", "TG"),
}
LABEL_WEIGHTS = (60, 18, 10, 6, 4, 2)

# Short prefixes of platform referral references (META-2026-0000123).
PLATFORM_REFERENCE_PREFIX = {
    "X": "XLE", "Facebook": "META", "Instagram": "META", "TikTok": "TTLE", "YouTube": "GLERS", "Reddit": "RDT",
    "Telegram": "TGM",
}
PLATFORM_ORGANISATION = {
    "X": "X trust and safety team", "Facebook": "Meta law enforcement response team",
    "Instagram": "Meta law enforcement response team", "TikTok": "TikTok law enforcement outreach",
    "YouTube": "Google law enforcement response", "Reddit": "Reddit safety team",
    "Telegram": "Telegram abuse desk",
}

SUBREDDITS = (
    "unitedkingdom", "CasualUK", "AskUK", "london", "manchester", "Leeds", "birmingham", "glasgow", "Wales",
    "ukpolitics", "LocalNewsChat", "FootballBanter", "britishproblems", "northernireland",
)
TELEGRAM_GROUPS = ("ukpatriotchat", "localnewsdiscussion", "freespeechuk", "northerners_chat", "memesdumpuk")
FACEBOOK_PAGES = ("localnewsnorth", "citytalkforum", "communityvoiceuk", "towncentrewatch", "yourareanews")

# Ofcom's drama ranges, as dialled in the UK: each prefix is followed by 000-999 padded to eleven digits.
DRAMA_PHONE_PREFIXES = (
    "07700 9", "0113 496 ", "0114 496 ", "0115 496 ", "0116 496 ", "0117 496 ", "0118 496 ", "0121 496 ",
    "0131 496 ", "0141 496 ", "0151 496 ", "0161 496 ", "0191 498 ", "020 7946 ", "029 2018 ", "01632 96",
)
