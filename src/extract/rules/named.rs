//! The word sets the extraction code looks up by name.

/// Word sets the extraction code looks up by name. Each must be defined in
/// `assets/rules/word_sets.json`; loading fails otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// Honorifics after which a capital or country word is a surname ("Mr German").
    HonorificsBeforeSurname,
    /// Honorifics after which any one word is a surname ("Mrs Green").
    PlainHonorifics,
    /// Honorifics of peers, whose title may end with a place ("Lord Menon of Tarnwick").
    PeerHonorifics,
    /// Letters after a name that are not part of it ("MP", "QC").
    PostNominals,
    /// Titles written after a body's name and before a person's ("Capital Radio DJ Ann Lee").
    TitlesAfterBodies,
    /// Words for relatives, after which a name is a person's ("with wife Ffion").
    KinWords,
    /// Words for works whose titles are capitalized like names ("his book, Lawless World").
    WorkWords,
    /// Reporting verbs: a capitalized pair right before one of these is a person ("Ana Lobo said").
    ReportingVerbs,
    /// Military ranks that are also plain adjectives or nouns, written lower case ("the major Leeds hotels").
    RankAdjectives,
    /// Words before a title that belong to the role ("deputy defense secretary").
    RoleQualifiers,
    /// Words and marks that may close an apposition after its title ("Dong Jun, China's defense minister, said").
    AppositionEnds,
    TitleAppositionDeterminers,
    /// Words that make a capitalized name a feature of the land or sea ("River Tyne").
    GeographicWords,
    /// Compass words that end the names of districts ("Bristol West").
    CompassDistricts,
    /// Members of faiths and peoples, singular ("Sikh").
    FaithWords,
    /// Words that name members, not a body ("Roman").
    MemberAdjectives,
    /// Lower-case particles inside personal names ("von", "bin").
    NameParticles,
    /// Capitalized words opening a sentence before a name, not part of it ("Former").
    SentenceOpeners,
    /// Words that after a country name its government or people ("British Government").
    GovernmentWords,
    /// Days and months, which end an organization's name ("CNBC Friday").
    CalendarWords,
    /// Words of speech, never names ("Uh", "Alright").
    Interjections,
    /// Words that head an organization's name ("Council").
    OrganizationHeads,
    /// Last words of company names ("Group").
    CompanyWords,
    /// Heads of ministry-like bodies ("ministry", "bureau").
    MinistryHeads,
    /// Prepositions of where something happens ("in", "near").
    Locatives,
    /// Prepositions after which a name is a place ("in", "at").
    PlacePrepositions,
    /// Last words of institutions owned by a name ("School").
    InstitutionHeads,
    /// Capitalized words that alone name a chamber or an armed service ("House", "Army").
    LoneBodies,
    /// Adjectives of political parties ("Republican"), which before a chamber name no body.
    PartyAdjectives,
    /// Heads of legislatures and their chambers ("senate").
    Chambers,
    /// Broadcasters before a programme's title ("BBC").
    Broadcasters,
    /// Kinds of venue ("conference").
    VenueKinds,
    /// Last words of buildings ("chapel").
    Buildings,
    /// Words introducing a group's name ("movement").
    GroupWords,
    /// Heads of bodies named "X for/of Y" ("campaign").
    PossessorHeads,
    /// Last words of seats of government that are buildings ("palace").
    BuildingWords,
    /// Words that may join the words of an organization's name ("Council for the Welfare of Immigrants").
    NameJoiners,
    /// Words that start names of bodies and places before a capitalized word ("Greater Manchester Police", "Royal Mail").
    NameQualifiers,
    /// Compass words that make a region of a country's name ("Northern Ireland").
    RegionCompass,
    /// Compass words in lower case ("north", "southern").
    LowerCompass,
    /// Plural heads after which "and" joins two bodies, not one ("the Health and Education select committees").
    PluralBodyHeads,
    /// Channel words after a broadcaster that belong to its name ("BBC Two's").
    ChannelNumbers,
    /// Nouns after which a name is a constituency or ward ("the Stepney Green ward").
    SeatNouns,
    /// Legislatures, which a person enters "for" a seat ("entered Parliament for Sheffield Brightside").
    Legislatures,
    /// Words that end a noun phrase, after which a lone acronym is not qualified ("a CEO in").
    PhraseEnders,
    /// Indefinite articles ("a", "an").
    IndefiniteArticles,
    /// Articles ("the", "a", "an").
    Articles,
    /// Determiners before a place used as a noun's qualifier ("the Moscow talks", "last Geneva meeting").
    QualifierDeterminers,
    /// Participles that make a lower-case word after a hyphen part of a compound ("Tarn-led").
    CompoundParticiples,
    /// Words that make a name before them a disease ("Motor Neurone disease").
    DiseaseHeads,
    /// Last words of diseases named like names ("multiple sclerosis", "Lassa fever").
    DiseaseEnds,
    /// Words before a number word that make it part of a name ("Channel Four", "Group of Seven").
    NumberedNameHeads,
    /// Number words that end the name of a group of people ("the Tarnwick Four").
    NumberWords,
    /// Number words that count what follows them ("three RBI", "six MW"), in any case.
    CountWords,
    /// Words before a relative after which a name is that relative's ("his wife Ffion", "with son Leo").
    KinOpeners,
    /// Endings of a speaker's own words, which start no name ("I'm", "we're").
    SpeakerContractions,
    /// Determiners between a person's name and a country in apposition ("Ana Lobo, the country's minister").
    AppositionDeterminers,
}

impl Named {
    /// Every set, with its name in the file, in declaration order.
    pub(super) const ALL: [(Named, &'static str); 57] = [
        (Named::HonorificsBeforeSurname, "honorifics_before_surname"),
        (Named::PlainHonorifics, "plain_honorifics"),
        (Named::PeerHonorifics, "peer_honorifics"),
        (Named::PostNominals, "post_nominals"),
        (Named::TitlesAfterBodies, "titles_after_bodies"),
        (Named::KinWords, "kin_words"),
        (Named::WorkWords, "work_words"),
        (Named::ReportingVerbs, "reporting_verbs"),
        (Named::RankAdjectives, "rank_adjectives"),
        (Named::RoleQualifiers, "role_qualifiers"),
        (Named::AppositionEnds, "apposition_ends"),
        (
            Named::TitleAppositionDeterminers,
            "title_apposition_determiners",
        ),
        (Named::GeographicWords, "geographic_words"),
        (Named::CompassDistricts, "compass_districts"),
        (Named::FaithWords, "faith_words"),
        (Named::MemberAdjectives, "member_adjectives"),
        (Named::NameParticles, "name_particles"),
        (Named::SentenceOpeners, "sentence_openers"),
        (Named::GovernmentWords, "government_words"),
        (Named::CalendarWords, "calendar_words"),
        (Named::Interjections, "interjections"),
        (Named::OrganizationHeads, "organization_heads"),
        (Named::CompanyWords, "company_words"),
        (Named::MinistryHeads, "ministry_heads"),
        (Named::Locatives, "locatives"),
        (Named::PlacePrepositions, "place_prepositions"),
        (Named::InstitutionHeads, "institution_heads"),
        (Named::LoneBodies, "lone_bodies"),
        (Named::PartyAdjectives, "party_adjectives"),
        (Named::Chambers, "chambers"),
        (Named::Broadcasters, "broadcasters"),
        (Named::VenueKinds, "venue_kinds"),
        (Named::Buildings, "buildings"),
        (Named::GroupWords, "group_words"),
        (Named::PossessorHeads, "possessor_heads"),
        (Named::BuildingWords, "building_words"),
        (Named::NameJoiners, "name_joiners"),
        (Named::NameQualifiers, "name_qualifiers"),
        (Named::RegionCompass, "region_compass"),
        (Named::LowerCompass, "lower_compass"),
        (Named::PluralBodyHeads, "plural_body_heads"),
        (Named::ChannelNumbers, "channel_numbers"),
        (Named::SeatNouns, "seat_nouns"),
        (Named::Legislatures, "legislatures"),
        (Named::PhraseEnders, "phrase_enders"),
        (Named::IndefiniteArticles, "indefinite_articles"),
        (Named::Articles, "articles"),
        (Named::QualifierDeterminers, "qualifier_determiners"),
        (Named::CompoundParticiples, "compound_participles"),
        (Named::DiseaseHeads, "disease_heads"),
        (Named::DiseaseEnds, "disease_ends"),
        (Named::NumberedNameHeads, "numbered_name_heads"),
        (Named::NumberWords, "number_words"),
        (Named::CountWords, "count_words"),
        (Named::KinOpeners, "kin_openers"),
        (Named::SpeakerContractions, "speaker_contractions"),
        (Named::AppositionDeterminers, "apposition_determiners"),
    ];
}
