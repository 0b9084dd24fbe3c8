"""Finding an article's statements, who made them, and the entities it mentions.

Plain text in, plain data out, with regular expressions and word lists: no model and no
network. The pieces, in the order the loader uses them:

- split_sentences(): sentence spans that survive abbreviations ("U.S.", "Nov.", "St."),
  initials, decimals, ellipses and quotations.
- find_statements(): for each sentence, who said it (source), who relayed it to the outlet
  (via), the attribution words and the kind of statement. A later "Ushakov" or "he" is
  resolved within the article to the person named before.
- find_entities(): capitalised name sequences, with a guess of their kind.
- SourceDirectory / EntityDirectory: those names resolved against the database, matching
  aliases and, for people, a slightly different spelling of the same name.
"""

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from stories.models import Entity, EntityKind, Source, SourceKind, StatementKind
from stories.names import normalize_name


def _words(text):
    return frozenset(text.split())


# --- Word lists -------------------------------------------------------------------------------

# Abbreviations that are always followed by more of the same sentence (a name, usually).
TITLE_ABBREVIATIONS = _words(
    "mr mrs ms messrs mme dr prof sen sens rep reps gov gen lt col sgt capt adm maj cmdr cpl "
    "pvt st mt ft rev fr hon pres supt insp det amb atty gens brig"
)
# Abbreviations that may end a sentence, but usually do not.
ABBREVIATIONS = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun inc corp co ltd llc plc bros no nos vs v etc approx dept est fig figs vol vols ave "
    "blvd rd hwy univ assn jr sr ph ala ariz ark calif colo conn del fla ga ill ind kan kans "
    "ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo "
    "al cf ed eds gov't govt intl natl op cit pp"
)
# Words that start sentences: after "U.S." or an initial they mean a new sentence began.
SENTENCE_STARTERS = _words(
    "The A An He She It They We I You But And Or So Yet In On At As If When While After "
    "Before Since This That These Those There Here His Her Its Their Our My Your Some Many "
    "Most Meanwhile However Still Also Then Now Later Earlier Last Next Officials No Not "
    "What Who Why How Where Both Each Every Such For With Without Although Though Because "
    "Despite Under Over Among During Instead Asked Speaking According One Two Three Several"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
NATIONALITIES = _words(
    "american russian british english french german chinese japanese korean iranian iraqi "
    "syrian israeli palestinian ukrainian turkish indian pakistani afghan mexican canadian "
    "brazilian argentine australian italian spanish dutch belgian swiss swedish norwegian "
    "danish finnish polish czech hungarian romanian bulgarian greek serbian croatian "
    "egyptian saudi emirati qatari lebanese jordanian libyan nigerian kenyan african "
    "european asian western eastern soviet scottish welsh irish cuban venezuelan "
    "colombian chilean peruvian vietnamese thai indonesian filipino malaysian belarusian "
    "georgian armenian azerbaijani kazakh uzbek taiwanese yemeni sudanese ethiopian "
    "somali portuguese austrian estonian latvian lithuanian slovak slovenian "
    "north south east west democratic republican arab muslim christian jewish catholic"
)
# Titles and roles that come before a name: "Kremlin spokesman Dmitry Peskov".
TITLE_WORDS = _words(
    "president vice secretary minister premier prime chancellor spokesman spokeswoman "
    "spokesperson spokespeople senator sen. rep. representative congressman congresswoman "
    "governor gov. mayor judge justice chief ceo cfo coo cto chairman chairwoman chair "
    "director commissioner ambassador general gen. prosecutor attorney lawyer professor "
    "prof. dr. mr. mrs. ms. miss speaker leader officer sheriff detective inspector coach "
    "king queen prince princess pope cardinal bishop archbishop rabbi imam sheikh emir "
    "lt. col. sgt. capt. adm. maj. deputy founder executive economist analyst aide adviser "
    "advisor counsel solicitor treasurer auditor marshal superintendent principal dean "
    "provost editor correspondent reporter researcher scientist astronaut captain colonel "
    "lieutenant sergeant admiral major commander head manager owner partner chancellor "
    "envoy diplomat negotiator strategist pollster historian physician doctor nurse "
    "epidemiologist biologist physicist chemist geologist astronomer engineer investor "
    "trader banker spy agent lawmaker legislator councilman councilwoman councillor "
    "alderman trustee regent governor-general attorney-general press"
)
# Role heads that make an unnamed speaker anonymous: "a senior administration official".
PERSON_HEADS = _words(
    "official officials source sources person people aide aides adviser advisers advisor "
    "advisors spokesman spokeswoman spokesperson spokespeople diplomat diplomats analyst "
    "analysts expert experts lawmaker lawmakers legislator legislators investigator "
    "investigators prosecutor prosecutors police policeman officer officers authorities "
    "researcher researchers scientist scientists critic critics witness witnesses resident "
    "residents observer observers executive executives employee employees member members "
    "representative representatives staffer staffers insider insiders leader leaders "
    "lawyer lawyers attorney attorneys doctor doctors physician physicians economist "
    "economists strategist strategists negotiator negotiators minister ministers "
    "president secretary director chief ceo chairman chairwoman judge justice senator "
    "governor mayor ambassador envoy commander general manager owner founder head "
    "colleague colleagues friend friends relative relatives neighbor neighbours neighbors "
    "activist activists organizer organizers organiser organisers supporter supporters "
    "opponent opponents agent agents staff student students teacher teachers worker "
    "workers voter voters user users customer customers victim victims survivor survivors "
    "protester protesters demonstrator demonstrators engineer engineers partner partners "
    "pilot pilots soldier soldiers troops detective detectives deputy deputies counsel "
    "reporter reporters correspondent editor editors professor professors author authors"
)
OUTLET_HEADS = _words(
    "outlet outlets agency agencies newspaper newspapers paper papers network networks "
    "broadcaster broadcasters channel channels station stations magazine magazines tabloid "
    "tabloids daily website site publication publications wire media service"
)
DOCUMENT_HEADS = _words(
    "documents document records record filings filing papers report reports study studies "
    "survey surveys data figures statement statements ruling indictment complaint lawsuit "
    "memo letter transcript analysis poll polls readout release findings paper"
)
ORGANISATION_HEADS = _words(
    "company companies firm firms group groups organisation organization organisations "
    "organizations watchdog charity bank union party campaign university institute lab "
    "laboratory team club startup airline retailer automaker carmaker manufacturer insurer "
    "lender regulator association foundation coalition alliance council committee board "
    "commission court tribunal panel fund corporation business businesses conglomerate "
    "operator provider developer maker producer club league federation society"
)
GOVERNMENT_HEADS = _words(
    "ministry department government administration embassy consulate military army navy "
    "police parliament congress senate cabinet kremlin office bureau prosecutors"
)
# Lowercase words that may sit inside a speaker's description: "Russian news agency TASS".
DESCRIPTION_WORDS = (
    _words(
        "senior junior former ex- deputy acting chief top foreign press news state federal "
        "local regional national international administration government campaign military "
        "intelligence police health company defense defence security trade finance economy "
        "economic justice interior energy environment education transport treasury "
        "white house media watchdog rating credit public private independent official "
        "officials western eastern european american russian ukrainian chinese other "
        "longtime long-time veteran retired current then- lead principal assistant associate "
        "general special district federal county city presidential vice prime foreign-policy "
        "communications legal medical science research wire wire-service business tech "
        "technology industry market financial stock oil gas nuclear"
    )
    | TITLE_WORDS
    | PERSON_HEADS
    | OUTLET_HEADS
    | ORGANISATION_HEADS
    | GOVERNMENT_HEADS
    | DOCUMENT_HEADS
)
ANONYMOUS_QUALIFIERS = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|"
    r"involved\s+in|speaking\s+on|who\s+(?:spoke|asked|requested|was|were|is|are|declined|"
    r"did|had|has|have)|not\s+authori[sz]ed|granted\s+anonymity|on\s+condition|"
    r"in\s+the\s+room|at\s+the\s+meeting)\b.*$",
    re.IGNORECASE,
)
QUANTIFIERS = _words(
    "a an one two three four five six seven eight nine ten several some many multiple "
    "other another numerous few dozens"
)
CONNECTORS = _words("of for de del della der van von bin al da di du la le y and &")
ORGANISATION_NAME_HEADS = _words(
    "agency ministry council house department committee commission party court bank "
    "university institute association foundation organization organisation cooperation "
    "union corporation corp corp. inc inc. company co co. group office bureau service "
    "administration army navy force forces police parliament congress senate assembly "
    "federation league board authority fund network alliance coalition center centre "
    "church school college hospital clinic museum society trust club team "
    "fc airlines airways motors industries holdings partners capital labs systems "
    "technologies pharmaceuticals media communications energy oil petroleum reserve "
    "guard command staff cabinet kremlin nato opec ag se plc ltd llc gmbh sa nv"
)
GOVERNMENT_NAME_HEADS = _words(
    "ministry department government administration embassy consulate army navy force "
    "forces police parliament congress senate cabinet office bureau command guard "
    "reserve house kremlin duma assembly"
)
PLACE_NAME_HEADS = _words(
    "peninsula sea ocean river island islands mountains mountain valley bay gulf strait "
    "province county city region coast desert lake canal square street avenue park airport "
    "state republic territory territories heights strip bank basin plain plateau"
)
EVENT_NAME_HEADS = _words(
    "summit games olympics cup war conference championship championships festival forum "
    "election elections referendum crisis revolution tournament expo"
)
OUTLET_NAME_WORDS = _words(
    "news times post journal independent guardian telegraph tribune herald gazette daily "
    "press radio television tv network magazine wire today chronicle observer mirror sun "
    "express standard economist review register bulletin courier star globe examiner "
    "inquirer dispatch record broadcasting"
)
SURNAME_ENDINGS = (
    "ov",
    "ova",
    "ev",
    "eva",
    "in",
    "ina",
    "sky",
    "ski",
    "skiy",
    "skaya",
    "enko",
    "uk",
    "yuk",
    "ich",
    "vich",
    "son",
    "sen",
    "ez",
    "escu",
    "ian",
    "yan",
    "idis",
    "opoulos",
    "stein",
    "berg",
    "man",
    "mann",
)
GIVEN_NAMES = _words(
    "aaron abdul abdullah adam adrian ahmed ahmad aisha alan albert alejandro aleksandr "
    "aleksei alex alexander alexandra alexei alexey ali alice alicia alison amanda amy ana "
    "anastasia andre andrea andreas andrei andrew andrey andy angela angelina angus ann anna "
    "anne annie anthony antonio anton arkady arnold arthur ashley barack barbara barry ben "
    "benjamin bernie beth betty bill billy bob bobby boris brad bradley brandon brenda brian "
    "bruce bryan carl carla carlos carmen carol caroline catherine charles charlie chen chris "
    "christian christina christine christopher chuck claire clara colin connor craig cynthia "
    "dan daniel danielle dave david dean deborah debra denis dennis derek diana diane dmitri "
    "dmitry dominic donald donna doug douglas dylan ed eddie edward elena elizabeth ellen "
    "emily emma emmanuel eric erik ethan eugene evan evgeny fatima felix fernando frank "
    "fred frederick gabriel gary gavin george georgy gerald gina gloria gordon grace greg "
    "gregory hannah hans harold harry hassan heather helen henry hillary hiroshi howard hugh "
    "hussein ian igor ilya irina isaac ivan jack jacob james jamie jan jane janet jared "
    "jason javier jean jeff jeffrey jennifer jeremy jerome jerry jessica jim jimmy joan joe "
    "joel john johnny jon jonathan jorge jose joseph josh joshua juan judith judy julia "
    "julian julie justin karen karl kate katherine kathleen kathryn katie keith kelly ken "
    "kenneth kevin kim kimberly kirill konstantin kristen kyle larry laura lauren lawrence "
    "leah lee leonid leo linda lisa liz lucy luis mahmoud marco marcus margaret maria marie "
    "marina mario mark martha martin mary matt matthew maxim maria megan melissa michael "
    "michel michelle mike mikhail min mitch mohammed mohammad muhammad nancy natalia natalya "
    "nathan neil nicholas nick nicola nicole nikolai nina noah oleg olga oliver omar pablo "
    "pamela patricia patrick paul paula pavel pedro peter philip phillip rachel rahul raj "
    "ralph ramon randy ray raymond rebecca richard rick rita rob robert roberto robin roger "
    "roman ron ronald rosa ross ruth ryan sally sam samantha samuel sandra sara sarah scott "
    "sean sebastian sergei sergey sharon shawn sophie stacy stephanie stephen steve steven "
    "sue susan svetlana tamara tanya ted teresa theresa thomas tim timothy tina todd tom "
    "tony tracy valentina valery vanessa vera victor victoria vikram vincent viktor "
    "vladimir vladislav walter wang wayne wei william xi yan yang yulia yuliya yuri yury "
    "yevgeny zhang zoe nikki kamala mitt rand marco lindsey elizabeth amy jeanne recep "
    "benjamin emmanuel angela olaf giorgia justin narendra jair volodymyr ursula antonio "
    "jens sergey rex mike mick nigel theresa boris keir rishi liz jacinda scott shinzo "
    "fumio moon kim jerome janet christine mario"
)

# Well-known outlets: canonical name, kind, aliases. "the AP" and "Associated Press" are one.
KNOWN_NAMES = [
    ("The Associated Press", SourceKind.OUTLET, ["AP", "Associated Press", "A.P."]),
    ("Agence France-Presse", SourceKind.OUTLET, ["AFP", "Agence France Presse"]),
    ("Reuters", SourceKind.OUTLET, ["Thomson Reuters", "Reuters news agency"]),
    ("CNN", SourceKind.OUTLET, ["Cable News Network", "CNN International"]),
    ("BBC", SourceKind.OUTLET, ["BBC News", "British Broadcasting Corporation"]),
    ("The New York Times", SourceKind.OUTLET, ["NYT", "New York Times", "the Times"]),
    ("The Wall Street Journal", SourceKind.OUTLET, ["WSJ", "Wall Street Journal"]),
    ("The Washington Post", SourceKind.OUTLET, ["Washington Post", "WaPo"]),
    ("TASS", SourceKind.OUTLET, ["ITAR-TASS", "Tass"]),
    ("RIA Novosti", SourceKind.OUTLET, ["RIA"]),
    ("Interfax", SourceKind.OUTLET, []),
    ("NBC News", SourceKind.OUTLET, ["NBC"]),
    ("ABC News", SourceKind.OUTLET, ["ABC"]),
    ("CBS News", SourceKind.OUTLET, ["CBS"]),
    ("Fox News", SourceKind.OUTLET, ["Fox"]),
    ("NPR", SourceKind.OUTLET, ["National Public Radio"]),
    ("USA Today", SourceKind.OUTLET, []),
    ("The Guardian", SourceKind.OUTLET, ["Guardian"]),
    ("The Independent", SourceKind.OUTLET, []),
    ("Bloomberg", SourceKind.OUTLET, ["Bloomberg News"]),
    ("Al Jazeera", SourceKind.OUTLET, []),
    ("Politico", SourceKind.OUTLET, []),
    ("Axios", SourceKind.OUTLET, []),
    ("MSNBC", SourceKind.OUTLET, []),
    ("Sky News", SourceKind.OUTLET, []),
    ("Xinhua", SourceKind.OUTLET, ["Xinhua News Agency"]),
    ("Kyodo News", SourceKind.OUTLET, ["Kyodo"]),
    ("Yonhap", SourceKind.OUTLET, ["Yonhap News Agency"]),
    ("Deutsche Presse-Agentur", SourceKind.OUTLET, ["dpa", "DPA"]),
    ("United Press International", SourceKind.OUTLET, ["UPI"]),
    ("The Hill", SourceKind.OUTLET, []),
    ("HuffPost", SourceKind.OUTLET, ["Huffington Post", "The Huffington Post"]),
    ("Financial Times", SourceKind.OUTLET, ["FT", "The Financial Times"]),
    ("The Daily Telegraph", SourceKind.OUTLET, ["The Telegraph", "Telegraph"]),
    ("Daily Mail", SourceKind.OUTLET, ["The Daily Mail"]),
    ("RT", SourceKind.OUTLET, ["Russia Today"]),
    ("Sputnik", SourceKind.OUTLET, []),
    ("Kommersant", SourceKind.OUTLET, []),
    ("Newsweek", SourceKind.OUTLET, []),
    ("The Economist", SourceKind.OUTLET, []),
    ("Media Bias/Fact Check", SourceKind.ORGANISATION, ["MBFC", "Media Bias Fact Check"]),
    ("White House", SourceKind.GOVERNMENT, ["The White House"]),
    ("Kremlin", SourceKind.GOVERNMENT, ["The Kremlin"]),
    ("Pentagon", SourceKind.GOVERNMENT, ["The Pentagon"]),
    ("State Department", SourceKind.GOVERNMENT, ["U.S. State Department"]),
    ("Justice Department", SourceKind.GOVERNMENT, ["U.S. Justice Department"]),
    ("Downing Street", SourceKind.GOVERNMENT, ["Number 10"]),
    ("Congress", SourceKind.GOVERNMENT, []),
    ("Supreme Court", SourceKind.GOVERNMENT, ["U.S. Supreme Court"]),
    ("FBI", SourceKind.GOVERNMENT, ["Federal Bureau of Investigation"]),
    ("CIA", SourceKind.GOVERNMENT, ["Central Intelligence Agency"]),
    ("NASA", SourceKind.GOVERNMENT, []),
    ("NATO", SourceKind.ORGANISATION, ["North Atlantic Treaty Organization"]),
    ("United Nations", SourceKind.ORGANISATION, ["UN", "U.N."]),
    ("European Union", SourceKind.ORGANISATION, ["EU", "E.U."]),
    ("World Health Organization", SourceKind.ORGANISATION, ["WHO"]),
    ("G-20", SourceKind.ORGANISATION, ["G20", "Group of 20"]),
    ("G-7", SourceKind.ORGANISATION, ["G7", "Group of Seven"]),
]

# Places: canonical name and aliases. A country that speaks ("Russia announced") is its
# government; a country that is mentioned is a place.
PLACES = [
    ("United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"]),
    ("United Kingdom", ["U.K.", "UK", "Britain", "Great Britain"]),
    ("Russia", ["Russian Federation"]),
    ("Korean Peninsula", []),
]
PLACE_NAMES = [
    name.strip()
    for name in (
        "Afghanistan,Albania,Algeria,Andorra,Angola,Argentina,Armenia,Australia,Austria,"
        "Azerbaijan,Bahamas,Bahrain,Bangladesh,Barbados,Belarus,Belgium,Belize,Benin,Bhutan,"
        "Bolivia,Bosnia,Botswana,Brazil,Brunei,Bulgaria,Burkina Faso,Burundi,Cambodia,"
        "Cameroon,Canada,Chad,Chile,China,Colombia,Congo,Costa Rica,Croatia,Cuba,Cyprus,"
        "Czech Republic,Denmark,Djibouti,Dominican Republic,Ecuador,Egypt,El Salvador,"
        "England,Eritrea,Estonia,Ethiopia,Fiji,Finland,France,Gabon,Gambia,Georgia,Germany,"
        "Ghana,Greece,Guatemala,Guinea,Guyana,Haiti,Honduras,Hungary,Iceland,India,"
        "Indonesia,Iran,Iraq,Ireland,Israel,Italy,Ivory Coast,Jamaica,Japan,Jordan,"
        "Kazakhstan,Kenya,Kosovo,Kuwait,Kyrgyzstan,Laos,Latvia,Lebanon,Liberia,Libya,"
        "Lithuania,Luxembourg,Madagascar,Malawi,Malaysia,Maldives,Mali,Malta,Mauritania,"
        "Mexico,Moldova,Monaco,Mongolia,Montenegro,Morocco,Mozambique,Myanmar,Namibia,Nepal,"
        "Netherlands,New Zealand,Nicaragua,Niger,Nigeria,North Korea,North Macedonia,Norway,"
        "Oman,Pakistan,Palestine,Panama,Paraguay,Peru,Philippines,Poland,Portugal,Qatar,"
        "Romania,Rwanda,Saudi Arabia,Scotland,Senegal,Serbia,Sierra Leone,Singapore,Slovakia,"
        "Slovenia,Somalia,South Africa,South Korea,South Sudan,Spain,Sri Lanka,Sudan,Sweden,"
        "Switzerland,Syria,Taiwan,Tajikistan,Tanzania,Thailand,Tunisia,Turkey,Turkmenistan,"
        "Uganda,Ukraine,United Arab Emirates,Uruguay,Uzbekistan,Venezuela,Vietnam,Wales,"
        "Yemen,Zambia,Zimbabwe,Crimea,Gaza,West Bank,Kashmir,Siberia,Chechnya,Donbas,"
        "Europe,Asia,Africa,North America,South America,Latin America,Middle East,Antarctica,"
        "Arctic,Atlantic,Pacific,Balkans,Caribbean,Scandinavia,"
        "Washington,New York,Los Angeles,Chicago,Houston,Boston,San Francisco,Seattle,Miami,"
        "Atlanta,Dallas,Denver,Detroit,Philadelphia,Phoenix,Las Vegas,New Orleans,Baltimore,"
        "London,Paris,Berlin,Moscow,St. Petersburg,Kyiv,Kiev,Minsk,Warsaw,Prague,Vienna,Rome,"
        "Madrid,Lisbon,Brussels,Amsterdam,Geneva,Zurich,Stockholm,Oslo,Copenhagen,Helsinki,"
        "Dublin,Edinburgh,Manchester,Athens,Istanbul,Ankara,Tehran,Baghdad,Damascus,Beirut,"
        "Jerusalem,Tel Aviv,Cairo,Riyadh,Dubai,Doha,Kabul,Islamabad,New Delhi,Delhi,Mumbai,"
        "Beijing,Shanghai,Hong Kong,Tokyo,Seoul,Pyongyang,Taipei,Bangkok,Hanoi,Danang,Manila,"
        "Jakarta,Sydney,Melbourne,Toronto,Ottawa,Montreal,Vancouver,Mexico City,Havana,"
        "Caracas,Bogota,Lima,Santiago,Buenos Aires,Brasilia,Rio de Janeiro,Sao Paulo,Lagos,"
        "Nairobi,Johannesburg,Salisbury,Helsinki,Sochi,Vladivostok,Aleppo,Mosul,Idlib,"
        "Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,"
        "Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,"
        "Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,"
        "New Hampshire,New Jersey,New Mexico,North Carolina,North Dakota,Ohio,Oklahoma,Oregon,"
        "Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,Utah,Vermont,"
        "Virginia,West Virginia,Wisconsin,Wyoming,Silicon Valley,Wall Street"
    ).split(",")
]
COUNTRIES = frozenset(
    normalize_name(name)
    for name in PLACE_NAMES[: PLACE_NAMES.index("Europe")]
    + [alias for _, aliases in PLACES for alias in aliases]
    + [name for name, _ in PLACES]
)


def _index_known():
    index = {}
    for name, kind, aliases in KNOWN_NAMES:
        for each in [name, *aliases]:
            index.setdefault(normalize_name(each), (name, kind, aliases))
    return index


def _index_places():
    index = {}
    for name in PLACE_NAMES:
        index.setdefault(normalize_name(name), (name, []))
    for name, aliases in PLACES:
        for each in [name, *aliases]:
            index[normalize_name(each)] = (name, aliases)
    return index


KNOWN = _index_known()
PLACE_INDEX = _index_places()


def known_name(name):
    """(canonical name, kind, aliases) of a well-known outlet or body, or None."""
    return KNOWN.get(normalize_name(name))


def canonical_outlet_name(name):
    """The name an outlet is known by: "AP" and "the Associated Press" give the same."""
    known = known_name(name)
    return known[0] if known else " ".join(str(name).split())


# --- Quotations and sentences -----------------------------------------------------------------

QUOTE_MASK = "\x1a"  # stands in for quoted text, so that patterns never look inside quotes
_OPEN_DOUBLE, _CLOSE_DOUBLE = "“", "”"
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_TERMINAL = re.compile(r"(?:\.\.\.|…|[.!?])+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’]*)$")


def quote_spans(text):
    """[(start, end), …] of the double-quoted passages in `text`, quote marks included.

    A quotation still open at the end is kept only when the text begins with it (the
    convention for a quotation that goes on into the next paragraph).
    """
    spans, opened = [], None
    for i, ch in enumerate(text):
        if ch == _OPEN_DOUBLE:
            if opened is None:
                opened = i
        elif ch == _CLOSE_DOUBLE:
            if opened is not None:
                spans.append((opened, i + 1))
                opened = None
        elif ch == '"':
            if opened is None:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = None
    if opened is not None and not text[:opened].strip():
        spans.append((opened, len(text)))
    return spans


def _inside(spans, pos):
    return any(a < pos < b for a, b in spans)


def _is_abbreviation(text, dot, following):
    """Whether the period at `dot` belongs to an abbreviation rather than ending a sentence."""
    match = _WORD_BEFORE.search(text, 0, dot)
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    if word in TITLE_ABBREVIATIONS:
        return True
    next_word = re.match(r"[\w'’]+", text[following:])
    next_word = next_word.group() if next_word else ""
    initial = len(word) == 1 and match.group(1)[0].isupper()
    if "." in word or initial or word in ABBREVIATIONS:
        return next_word not in SENTENCE_STARTERS
    return False


def _starts_sentence(text, i):
    ch = text[i]
    if ch.isupper() or ch.isdigit() or ch in "$€£@#—–-":
        return True
    if ch in _OPENERS:
        rest = text[i + 1 : i + 2]
        return bool(rest) and (rest.isupper() or rest.isdigit() or rest in "….'‘")
    return False


def split_sentences(text, offset=0):
    """[(start, end), …]: the sentences of one paragraph, trimmed, as offsets (+ `offset`).

    A sentence ends at ".", "!", "?" or an ellipsis, after any closing quotes or brackets,
    when whitespace and the start of a new sentence follow, and not inside a quotation.
    """
    spans = quote_spans(text)
    bounds, start = [], 0
    for match in _TERMINAL.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if end >= len(text) or not text[end].isspace():
            continue  # "U.S-Russia", "3.5", the end of the text
        following = end
        while following < len(text) and text[following].isspace():
            following += 1
        if following >= len(text) or not _starts_sentence(text, following):
            continue
        if _inside(spans, end):
            continue
        if match.group() == "." and _is_abbreviation(text, match.start(), following):
            continue
        bounds.append((start, end))
        start = following
    bounds.append((start, len(text)))
    result = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            result.append((a + offset, b + offset))
    return result


def paragraph_spans(body):
    """[(start, end), …] of the paragraphs of a body (separated by blank lines)."""
    spans = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body):
        text = match.group()
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        if trail > lead:
            spans.append((match.start() + lead, match.start() + trail))
    return spans


def _mask(text, spans):
    chars = list(text)
    for a, b in spans:
        for i in range(a, b):
            chars[i] = QUOTE_MASK
    return "".join(chars)


# --- Names and descriptions of speakers ---------------------------------------------------------


@dataclass
class Mention:
    """Who a phrase names, as far as the text tells: "Kremlin spokesman Dmitry Peskov"."""

    name: str
    kind: str = SourceKind.PERSON
    role: str = ""
    affiliation: "Mention | None" = None
    description: str = ""
    aliases: list = field(default_factory=list)
    anonymous: bool = False
    anaphor: str = ""  # "he", "the outlet", "the president": resolved within the article
    title_words: frozenset = frozenset()  # for "the Russian president": {"russian", "president"}
    single: bool = False  # a lone surname ("Ushakov") or a one-word name of unknown kind
    position: int = 0  # offset in the body where it was named

    @property
    def key(self):
        return normalize_name(self.name)


PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "organisation"}
HONORIFICS = _words("mr. mrs. ms. miss mr mrs ms dr. dr")
ORGANISATIONAL_ROLES = _words(
    "spokesman spokeswoman spokesperson spokespeople ceo cfo coo cto chairman chairwoman "
    "executive director official officials founder manager owner chief head lawyer "
    "attorney counsel representative secretary economist analyst researcher scientist "
    "reporter correspondent editor"
)
_NOT_A_NAME_START = _words(
    "however meanwhile but and also then so this that there it's what which when while "
    "where who whom whose if as although though because yet still instead asked speaking "
    "according in on at by with from to after before during under since until despite "
    "not no nor or both either neither each every all any such"
)
_ABBREVIATION_TOKEN = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")


def _clean_token(token):
    token = token.strip('"“”‘«»()[]')
    token = token.strip("'’") if not re.search(r"[’']s$", token) else token.lstrip("'’")
    if token.endswith(".") and not (
        _ABBREVIATION_TOKEN.fullmatch(token)
        or token[:-1].lower() in TITLE_ABBREVIATIONS | ABBREVIATIONS
    ):
        token = token.rstrip(".")
    return token


def _is_capitalised(token):
    letters = re.sub(r"^(?:al-|el-|d'|d’|o'|o’)", "", token, flags=re.IGNORECASE)
    return bool(letters) and (letters[0].isupper() or (letters[0].isdigit() and token.isupper()))


def _is_possessive(token):
    return bool(re.search(r"[’']s?$", token)) and len(token) > 2


def _strip_possessive(token):
    return re.sub(r"[’']s?$", "", token)


def _is_person_shaped(tokens):
    """Two to four capitalised words that look like a given name and a surname."""
    if not 2 <= len(tokens) <= 4:
        return False
    if tokens[0].lower() in GIVEN_NAMES:
        return True
    for token in tokens:
        bare = token.rstrip(".")
        if not (bare[:1].isupper() and (bare[1:].islower() or len(bare) == 1 or "-" in bare)):
            if not re.fullmatch(r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[A-Z][a-z]+)?", bare):
                return False
        low = bare.lower()
        if (
            low in ORGANISATION_NAME_HEADS
            or low in PLACE_NAME_HEADS
            or low in EVENT_NAME_HEADS
            or low in OUTLET_NAME_WORDS
            or low in TITLE_WORDS
            or low in NATIONALITIES
            or low in WEEKDAYS
            or low in MONTHS
        ):
            return False
    return normalize_name(" ".join(tokens)) not in PLACE_INDEX


def guess_name_kind(name):
    """The SourceKind a bare name most likely is, or None when it is a single unknown word."""
    known = known_name(name)
    if known:
        return known[1]
    key = normalize_name(name)
    if key in COUNTRIES:
        return SourceKind.GOVERNMENT
    tokens = name.split()
    lows = [t.lower().rstrip(".") for t in tokens]
    had_the = lows[0] == "the"
    if had_the:
        tokens, lows = tokens[1:], lows[1:]
    if not tokens:
        return None
    if "/" in name or "&" in name:
        return SourceKind.ORGANISATION
    if lows[-1] in GOVERNMENT_NAME_HEADS:
        return SourceKind.GOVERNMENT
    if any(low in OUTLET_NAME_WORDS for low in lows) and (had_the or len(tokens) > 1):
        return SourceKind.OUTLET
    if lows[-1] in ORGANISATION_NAME_HEADS or "of" in lows or had_the:
        return SourceKind.ORGANISATION
    if len(tokens) == 1:
        if len(tokens[0]) >= 2 and tokens[0].replace("-", "").isupper():
            return SourceKind.ORGANISATION
        return None
    if _is_person_shaped(tokens):
        return SourceKind.PERSON
    return SourceKind.ORGANISATION


def _named(name, kind=None, **fields):
    """A Mention for a name, with the canonical spelling of a well-known one."""
    known = known_name(name)
    if known:
        return Mention(name=known[0], kind=known[1], aliases=list(known[2]), **fields)
    place = PLACE_INDEX.get(normalize_name(name))
    if place and normalize_name(name) in COUNTRIES:
        return Mention(name=place[0], kind=SourceKind.GOVERNMENT, aliases=list(place[1]), **fields)
    if kind is None:
        kind = guess_name_kind(name)
    if kind is None:
        return Mention(name=name, kind=SourceKind.PERSON, single=True, **fields)
    if kind != SourceKind.PERSON and name.split()[0] in ("the", "The") and len(name.split()) > 1:
        # "the Kremlin", "The White House": the article is not part of the name.
        name = name.split(None, 1)[1]
    return Mention(name=name, kind=kind, **fields)


def _affiliation(prefix_tokens, head):
    """The organisation in a title: "White House" in "White House Press Secretary"."""
    tokens = list(prefix_tokens)
    while tokens and not _is_capitalised(tokens[0]):
        tokens.pop(0)  # "former", "ex-"
    run = []
    for token in tokens:
        if not _is_capitalised(token) or token.lower() in TITLE_WORDS:
            break
        run.append(_strip_possessive(token))
    for size in range(len(run), 0, -1):
        candidate = " ".join(run[:size])
        key = normalize_name(candidate)
        known = known_name(candidate)
        if known and known[1] != SourceKind.PERSON:
            return _named(candidate)
        if size > 1 and key.split()[-1] in ORGANISATION_NAME_HEADS | GOVERNMENT_NAME_HEADS:
            return _named(candidate)
    if run and head in ORGANISATIONAL_ROLES:
        candidate = " ".join(run)
        key = normalize_name(candidate)
        if (
            key not in PLACE_INDEX
            and run[0].lower() not in NATIONALITIES
            and not (len(run) == 1 and run[0].lower() in GIVEN_NAMES)
        ):
            kind = guess_name_kind(candidate)
            if kind in (None, SourceKind.PERSON) and len(run) == 1:
                kind = SourceKind.ORGANISATION
            if kind != SourceKind.PERSON:
                return _named(candidate, kind)
    return None


def _descriptor(det, tokens, text, qualifier=""):
    """A description without a name: "a senior administration official", "the outlet"."""
    lows = [t.lower() for t in tokens]
    head = _strip_possessive(lows[-1])
    words = " ".join(tokens)
    affiliation = None
    caps = [t for t in tokens if _is_capitalised(t)]
    if caps:
        affiliation = _affiliation(tokens, head)
    if det == "the" and not qualifier:
        if head in OUTLET_HEADS and not head.endswith("s"):
            return Mention(name=text, kind=SourceKind.OUTLET, anaphor="outlet")
        if head in GOVERNMENT_HEADS and head not in PERSON_HEADS:
            return Mention(name=text, kind=SourceKind.GOVERNMENT, anaphor="government")
        if head in ORGANISATION_HEADS:
            return Mention(name=text, kind=SourceKind.ORGANISATION, anaphor="organisation")
        if (head in TITLE_WORDS or head in PERSON_HEADS) and not head.endswith("s"):
            return Mention(
                name=text,
                anaphor="title",
                title_words=frozenset(t.lower() for t in tokens),
                role=words,
                affiliation=affiliation,
            )
    if head in OUTLET_HEADS and head.endswith(("s", "media")) and det in ("", "the"):
        name = words[0].upper() + words[1:] if det == "" and caps else words
        return Mention(name=name, kind=SourceKind.OUTLET)
    if head in DOCUMENT_HEADS and head not in PERSON_HEADS:
        # "court documents", "a study", "the report": a document this article cites.
        name = " ".join(part for part in (det, words) if part) + qualifier
        return Mention(name=name, kind=SourceKind.ANONYMOUS, anonymous=True)
    if (
        head in PERSON_HEADS
        or head in TITLE_WORDS
        or head in OUTLET_HEADS
        or (head in ORGANISATION_HEADS | GOVERNMENT_HEADS and det not in ("", "the"))
    ):
        name = " ".join(part for part in (det, words) if part) + qualifier
        generic = len(tokens) == 1 and head in ("person", "people", "source", "sources")
        role = words if not (generic or head.endswith("s")) else ""
        return Mention(
            name=name,
            kind=SourceKind.ANONYMOUS,
            anonymous=True,
            role=role,
            affiliation=affiliation,
        )
    return None


def parse_speaker(text):
    """A Mention for a phrase that names or describes a speaker, or None if it does not.

    The whole phrase must be the speaker: "Kremlin spokesman Dmitry Peskov", "A Putin aide",
    "the outlet", "he", "officials", "a person familiar with the matter", "Russian news
    agency TASS". Titles and descriptions become the role, and an organisation in the title
    the affiliation.
    """
    text = text.strip(" \t,;:—–-" + QUOTE_MASK)
    if not text or QUOTE_MASK in text or len(text) > 160 or "\n" in text:
        return None
    core = ANONYMOUS_QUALIFIERS.sub("", text)
    qualifier = text[len(core) :]
    tokens = [_clean_token(t) for t in core.split()]
    if not all(tokens):
        return None
    opener = tokens[0].lower()
    plural = opener.endswith("s") or opener in ("police", "staff", "media")
    if (
        (plural and opener in PERSON_HEADS | DOCUMENT_HEADS | OUTLET_HEADS)
        or opener in QUANTIFIERS
        or opener in ("senior", "former", "top", "local", "state", "federal", "some")
    ) and (len(tokens) == 1 or not _is_capitalised(tokens[1])):
        tokens[0] = opener  # "Prosecutors said": capitalised only because it starts a sentence
        core = opener + core[len(opener) :]
    lows = [t.lower() for t in tokens]
    if len(tokens) == 1 and lows[0] in PRONOUNS and not qualifier:
        return Mention(name=tokens[0], anaphor=PRONOUNS[lows[0]])
    known = known_name(core)
    if known and not qualifier and (_is_capitalised(tokens[-1]) or len(tokens) == 1):
        return _named(core)
    if lows[0] in _NOT_A_NAME_START or any(low in WEEKDAYS for low in lows):
        return None
    if len(tokens) == 1 and lows[0] in MONTHS | NATIONALITIES:
        return None
    # "a spokesman for the Kremlin", "an official at the ministry"
    match = re.match(
        r"^(?P<head>.*?\b(?:"
        + "|".join(sorted(PERSON_HEADS | TITLE_WORDS, key=len)[::-1])
        + r"))\s+(?:for|at|with|from|of)\s+(?P<org>.+)$",
        core,
        re.IGNORECASE,
    )
    if match and not _is_capitalised(match.group("head").split()[-1]):
        descriptor = parse_speaker(match.group("head"))
        organisation = parse_speaker(match.group("org"))
        if organisation is not None and organisation.single:
            organisation = replace(organisation, kind=SourceKind.ORGANISATION, single=False)
        if descriptor and organisation and organisation.kind != SourceKind.PERSON:
            if descriptor.anonymous or descriptor.anaphor == "title":
                return replace(
                    descriptor,
                    name=text if descriptor.anonymous else descriptor.name,
                    affiliation=organisation,
                    role=descriptor.role or match.group("head"),
                )
    det = lows[0] if lows[0] in QUANTIFIERS or lows[0] == "the" else ""
    rest = tokens[1:] if det else tokens
    if not rest:
        return None
    rest_lows = [t.lower() for t in rest]
    described = det in QUANTIFIERS and rest_lows[-1] in PERSON_HEADS | TITLE_WORDS
    for token in rest:
        low = token.lower()
        if described and re.fullmatch(r"[a-z][a-z-]+", token):
            continue  # "a climate scientist": any description of an unnamed person
        if not (
            _is_capitalised(token)
            or low in DESCRIPTION_WORDS
            or _strip_possessive(low) in DESCRIPTION_WORDS
            or low in CONNECTORS
            or re.fullmatch(r"\d[\d,]*", token)
        ):
            return None
    if rest_lows[-1] in CONNECTORS or rest_lows[0] in CONNECTORS - {"de", "van", "von", "al"}:
        return None
    if "and" in rest_lows and not _is_capitalised(rest[rest_lows.index("and") - 1]):
        return None
    if "and" in rest_lows and det != "the":
        return None
    last = rest[-1]
    if qualifier or not _is_capitalised(last):
        return _descriptor(det, rest, " ".join(tokens) if det else core, qualifier)
    if det and det != "the":
        return None  # "a Reuters" is not a speaker; "a Putin aide" ends in lowercase
    # A name, perhaps after a title: the run of capitalised words at the end.
    run_start = len(rest)
    while run_start > 0:
        token = rest[run_start - 1]
        low = token.lower()
        if _is_capitalised(token) and low not in TITLE_WORDS and not _is_possessive(token):
            run_start -= 1
        elif low in ("de", "van", "von", "bin", "al", "da", "di", "du", "la", "le") and (
            run_start < len(rest)
        ):
            run_start -= 1
        else:
            break
    while run_start < len(rest) and rest[run_start].lower() in ("de", "van", "von", "bin"):
        run_start += 1
    prefix, run = rest[:run_start], rest[run_start:]
    if not run or (
        len(run) == 1
        and run[0].lower() in ORGANISATION_NAME_HEADS | GOVERNMENT_NAME_HEADS
        and all(_is_capitalised(t) for t in prefix)
    ):
        if det == "the" and rest_lows[-1] in TITLE_WORDS:
            return _descriptor(det, rest, core)
        if all(_is_capitalised(t) or t.lower() in CONNECTORS for t in rest):
            return _named(" ".join(tokens) if det == "the" else " ".join(rest))
        return None
    title_at = [
        i
        for i, token in enumerate(prefix)
        if token.lower() in TITLE_WORDS
        or (not _is_capitalised(token) and token.lower() in DESCRIPTION_WORDS)
    ]
    if not title_at:
        if prefix and prefix[-1].lower() == "of" and len(prefix) > 1:
            pass  # "Bank of England": a name with "of" in it
        name = " ".join(rest)
        if det == "the" and _is_capitalised(tokens[0]):
            name = " ".join(tokens)  # "The Independent", mid-sentence: part of the name
        if any(_is_possessive(t) for t in rest):
            return None
        return _named(name)
    # "Secretary of State Mike Pompeo": the title takes "of State" while the name keeps two
    # words or starts with a given name.
    if prefix and prefix[-1].lower() == "of":
        while len(run) > 2 and run[0].lower() not in GIVEN_NAMES:
            prefix = [*prefix, run[0]]
            run = run[1:]
    head = prefix[title_at[-1]].lower().rstrip(".")
    title = " ".join(prefix)
    name = " ".join(run)
    if head in HONORIFICS or prefix[-1].lower() in HONORIFICS:
        return Mention(name=name, single=len(run) == 1, role="" if len(prefix) == 1 else title)
    if head in OUTLET_HEADS:
        mention = _named(name, SourceKind.OUTLET)
        return replace(mention, kind=SourceKind.OUTLET, role=title, description=title)
    if head in ORGANISATION_HEADS | GOVERNMENT_HEADS and head not in PERSON_HEADS:
        mention = _named(name, SourceKind.ORGANISATION)
        return replace(mention, role=title, description=title)
    affiliation = _affiliation(prefix[: title_at[0]] or prefix, head)
    return Mention(
        name=name,
        kind=SourceKind.PERSON,
        role=title,
        affiliation=affiliation,
        single=len(run) == 1,
    )


# --- Names in running text ----------------------------------------------------------------------


@dataclass
class NameHit:
    """A capitalised name found in the text, with any title written before it."""

    name: str
    start: int
    end: int
    role: str = ""
    kind: str = ""  # an EntityKind once classified, "" when unsure
    in_quote: bool = False
    after_in: bool = False
    sentence_initial: bool = False
    role_word: bool = False  # a person's title or role came right before it

    @property
    def key(self):
        return normalize_name(self.name)


_NAME_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF@][\w'’.\-/&]*|\d[\w\-]*")
_NAME_CONNECTORS = _words("of de van von bin al da di du la le del der")


def _hits_in_sentence(text, start, end, in_quotes, lowercase_words):
    tokens = []
    for match in _NAME_TOKEN.finditer(text, start, end):
        word = match.group()
        trimmed = word
        if trimmed.endswith(".") and not (
            _ABBREVIATION_TOKEN.fullmatch(trimmed)
            or trimmed[:-1].lower() in TITLE_ABBREVIATIONS | ABBREVIATIONS
        ):
            trimmed = trimmed.rstrip(".")
        possessive = re.search(r"[’']s?$", trimmed)
        if possessive and len(trimmed) > 2:
            trimmed = trimmed[: possessive.start()]
        tokens.append((trimmed, match.start(), match.start() + len(trimmed), word))
    hits = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not _is_capitalised(word) or word.startswith("@"):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1][2] : tokens[j][1]]
            ended = tokens[j - 1][3].endswith((".", "'s", "’s")) and not (
                _ABBREVIATION_TOKEN.fullmatch(tokens[j - 1][0])
                or tokens[j - 1][0].lower().rstrip(".") in TITLE_ABBREVIATIONS
            )
            if gap.strip() or ended:
                break
            if _is_capitalised(tokens[j][0]):
                j += 1
            elif (
                tokens[j][0].lower() in _NAME_CONNECTORS
                and j + 1 < len(tokens)
                and _is_capitalised(tokens[j + 1][0])
                and not text[tokens[j][2] : tokens[j + 1][1]].strip()
            ):
                j += 2 if tokens[j][0].lower() != "of" or tokens[j + 1][0] != "the" else 3
            else:
                break
        sequence = tokens[i:j]
        before = [t[0].lower() for t in tokens[max(0, i - 3) : i]]
        initial = i == 0 or text[tokens[i][1] - 1 : tokens[i][1]] in "\"“‘'("
        hits.extend(_split_sequence(text, sequence, initial, before, in_quotes, lowercase_words))
        i = j
    return hits


def _split_sequence(text, sequence, initial, before, in_quotes, lowercase_words):
    """NameHits for one run of capitalised words: titles, months and "The" taken off."""
    words = [t[0] for t in sequence]
    lows = [w.lower() for w in words]
    while (
        words
        and (
            lows[0] in ("the", "a", "an")
            or lows[0] in WEEKDAYS
            or (lows[0] in MONTHS and lows[0] != "may")
            or (initial and lows[0] in _NOT_A_NAME_START | SENTENCE_STARTERS_LOWER)
            or (
                initial
                and len(words) == 1
                and words[0] not in lowercase_words  # here: the words capitalised mid-sentence
                and lows[0] not in PLACE_INDEX
                and known_name(words[0]) is None
            )
            or lows[0] in NATIONALITIES
            and len(words) > 1
            and normalize_name(" ".join(words)) not in PLACE_INDEX
            and known_name(" ".join(words)) is None
            and any(w in TITLE_WORDS for w in lows[1:2]) is False
        )
    ):
        sequence, words, lows = sequence[1:], words[1:], lows[1:]
        initial = False
    if not words:
        return []
    in_quote = _inside(in_quotes, sequence[0][1])
    after_in = bool(before) and before[-1] in ("in", "near")
    role_word = bool(before) and (
        before[-1] in TITLE_WORDS | PERSON_HEADS and before[-1] not in ("press",)
    )
    # Titles: "White House Press Secretary Sarah Huckabee Sanders".
    title_end = 0
    for index, low in enumerate(lows[:-1]):
        if low in TITLE_WORDS and lows[-1] not in TITLE_WORDS:
            title_end = index + 1
    if known_name(" ".join(words)) or normalize_name(" ".join(words)) in PLACE_INDEX:
        title_end = 0
    hits = []
    if title_end:
        title_tokens = words[:title_end]
        affiliation = _affiliation(title_tokens, lows[title_end - 1])
        if affiliation:
            first = sequence[0]
            hits.append(NameHit(affiliation.name, first[1], first[1] + 1, in_quote=in_quote))
        role = " ".join(title_tokens)
        sequence = sequence[title_end:]
        words = words[title_end:]
        lows = lows[title_end:]
        role_word = True
    else:
        role = ""
    # Days and months split a run: "Monday" is not part of anybody's name.
    parts, current = [], []
    for token in sequence:
        low = token[0].lower()
        whole = " ".join(words)
        keep = normalize_name(whole) in PLACE_INDEX or known_name(whole) is not None
        if (
            low in WEEKDAYS
            or (low in MONTHS and low != "may")
            or (low in NATIONALITIES and not keep)
        ):
            if current:
                parts.append(current)
            current = []
        else:
            current.append(token)
    if current:
        parts.append(current)
    for number, part in enumerate(parts):
        name = text[part[0][1] : part[-1][2]]
        pieces = [part]
        if len(part) == 1 and re.fullmatch(r"[A-Z][\w.']*(?:-[A-Z][\w.']*)+", part[0][0]):
            # "Trump-Putin meeting", "U.S-Russia expulsions": two names joined by a hyphen.
            offset = part[0][1]
            pieces = []
            for piece in part[0][0].split("-"):
                pieces.append([(piece, offset, offset + len(piece), piece)])
                offset += len(piece) + 1
        for piece in pieces:
            name = text[piece[0][1] : piece[-1][2]]
            if name.lower() in NATIONALITIES or len(name) < 2:
                continue
            hits.append(
                NameHit(
                    name,
                    piece[0][1],
                    piece[-1][2],
                    role=role if number == 0 else "",
                    in_quote=in_quote,
                    after_in=after_in and number == 0,
                    sentence_initial=initial and number == 0,
                    role_word=role_word and number == 0,
                )
            )
    return hits


SENTENCE_STARTERS_LOWER = frozenset(word.lower() for word in SENTENCE_STARTERS)


def scan_names(text, offset=0):
    """[NameHit, …]: the capitalised names in `text`, each classified as far as possible."""
    lowercase_words = set(re.findall(r"(?<=[a-z,;] )[A-Z][\w'’-]+", text))
    hits = []
    for pa, pb in paragraph_spans(text):
        paragraph = text[pa:pb]
        spans = [(a + pa, b + pa) for a, b in quote_spans(paragraph)]
        for sa, sb in split_sentences(paragraph, pa):
            hits.extend(_hits_in_sentence(text, sa, sb, spans, lowercase_words))
    _classify(hits)
    for hit in hits:
        hit.start += offset
        hit.end += offset
    return hits


def _classify(hits):
    """Sets each hit's kind (an EntityKind), or "" when the guess would be a guess too far."""
    surnames = {}
    for hit in hits:
        words = hit.name.split()
        known = known_name(hit.name)
        if known:
            hit.kind = EntityKind.ORGANISATION if known[1] != SourceKind.PERSON else ""
            hit.name = known[0]
            continue
        if hit.key in PLACE_INDEX:
            hit.kind = EntityKind.PLACE
            hit.name = PLACE_INDEX[hit.key][0]
            continue
        lows = [w.lower().rstrip(".") for w in words]
        if "/" in hit.name or "&" in hit.name:
            hit.kind = EntityKind.ORGANISATION
        elif lows[-1] in PLACE_NAME_HEADS and len(words) > 1:
            hit.kind = EntityKind.PLACE
        elif lows[-1] in EVENT_NAME_HEADS and len(words) > 1:
            hit.kind = EntityKind.EVENT
        elif lows[-1] in ORGANISATION_NAME_HEADS and len(words) > 1:
            hit.kind = EntityKind.ORGANISATION
        elif any(low in OUTLET_NAME_WORDS for low in lows) and len(words) > 1:
            hit.kind = EntityKind.ORGANISATION
        elif len(words) > 1 and (
            lows[0] in GIVEN_NAMES or (hit.role_word and _is_person_shaped(words))
        ):
            hit.kind = EntityKind.PERSON
        elif len(words) == 1 and len(words[0]) >= 2 and words[0].replace("-", "").isupper():
            hit.kind = EntityKind.ORGANISATION
        if hit.kind == EntityKind.PERSON:
            surnames.setdefault(normalize_name(words[-1]), hit.name)
    for hit in hits:
        if hit.kind:
            continue
        words = hit.name.split()
        surname = normalize_name(words[-1])
        if surname in surnames:
            if len(words) == 1:
                hit.name = surnames[surname]  # "Putin" is "Vladimir Putin", named before
                hit.kind = EntityKind.PERSON
            elif _is_person_shaped(words):
                hit.kind = EntityKind.PERSON  # "Yulia Skripal", beside "Sergei Skripal"
        elif len(words) == 1 and hit.after_in and not hit.sentence_initial:
            hit.kind = EntityKind.PLACE  # "in Danang"


# --- Statements -------------------------------------------------------------------------------


@dataclass
class Found:
    """One statement found in a body: body[start:end], who said it and who relayed it."""

    start: int
    end: int
    kind: str
    source: Mention | None = None
    via: Mention | None = None
    attribution: str = ""


SPEECH_VERBS = _words(
    "said says told tells added adds announced announces reported reports denied denies "
    "confirmed confirms warned warns insisted insists claimed claims stated argued argues "
    "noted explained explains wrote writes tweeted acknowledged acknowledges admitted admits "
    "alleged alleges asserted asserts estimated estimates predicted predicts testified "
    "testifies concluded concludes revealed reveals disclosed discloses suggested suggests "
    "urged urges promised promises vowed vows replied replies countered counters cautioned "
    "cautions emphasized emphasised emphasizes emphasises stressed stresses maintained "
    "maintains contended contends declared declares recalled recalls observed agreed agrees "
    "disputed disputes rejected rejects conceded concedes posted ruled found finds showed "
    "shows indicated indicates accused accuses complained complains responded responds "
    "quoted"
)
PURE_SPEECH_VERBS = _words(
    "said says told tells added adds insisted insists warned warns argued argues noted "
    "explained explains wrote writes stated asserted asserts stressed emphasized emphasised "
    "replied countered declared"
)
REPORT_VERBS = _words("reported reports reporting wrote writes posted tweeted")
_SINGULAR_ONLY = _words(
    "says tells adds announces reports denies confirms warns insists claims argues explains "
    "writes acknowledges admits alleges asserts estimates predicts testifies concludes "
    "reveals discloses suggests urges promises vows replies counters cautions emphasizes "
    "emphasises stresses maintains contends declares recalls agrees disputes rejects "
    "concedes finds shows indicates accuses complains responds"
)
_VERB = re.compile(
    r"\b(?:(?P<aux>is|are|was|were)\s+(?P<prog>reporting|saying|claiming|insisting|warning|"
    r"arguing|predicting|suggesting)|(?P<verb>"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r"|pointed out|points out))\b"
)
_PASSIVE_AUX = _words("is are was were be been being")
_STRIPPABLE = re.compile(
    r"(?:^|\s)(?:has|have|had|is|are|was|were|also|then|later|previously|again|repeatedly|"
    r"earlier|once|now|did|does|do|not|never|first|initially|subsequently|further|publicly|"
    r"privately|separately|already|still|would|will|could|may|might|ultimately|simply|"
    r"[a-z]+ly)$"
)
_ADVERBIAL_ASIDE = re.compile(
    r",\s*(?:however|meanwhile|though|too|also|in turn|in response|for (?:his|her|its|their) "
    r"part|in a statement|in an interview|separately|in addition|moreover|nevertheless|"
    r"instead|then|later|earlier|in a (?:tele)?phone call|on (?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day)\s*,?\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[,;:()—–]|\s--?\s|\x1a+)\s*")
_BLOCKING_BEFORE = _words(
    "and or nor & of to for with by from about against at in on than between among over into "
    "that before after because when while if since until although though as whether where "
    "which who whom whose whether"
)
_TIME_AFTER_VERB = re.compile(
    r"^\s*(?:(?:on|late|early|last|this|earlier|later)\s+)?(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|night|morning|"
    r"afternoon|evening)(?:\s+(?:morning|afternoon|evening|night))?\b",
    re.IGNORECASE,
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+")
_CITING = re.compile(
    r"\bciting\s+(?:(?:remarks|comments|statements?|a\s+statement|a\s+report|reports|data|"
    r"figures|documents|information)\s+(?:by|from|of)\s+)?"
)
_PASSIVE_BY = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?(?:considered|"
    r"described|rated|seen|regarded|viewed|called|labell?ed|deemed|characteri[sz]ed|judged|"
    r"ranked)\s+(?:[a-z]+\s+){0,3}?by\s+"
)
_QUOTED_AS_SAYING = re.compile(r"\bquoted\s+(?P<who>[^,;\x1a]{2,80}?)\s+as\s+saying\b")
_DOCUMENT_WRAPPER = re.compile(
    r"^(?:an?|the)\s+(?:[a-z]+\s+)?(?:statement|report|study|survey|filing|analysis|poll|"
    r"memo|letter|post|tweet|transcript|readout|release|interview)\s+(?:from|by|released by|"
    r"issued by|published by|of|with)\s+",
    re.IGNORECASE,
)
_NP_STOP = re.compile(
    r"\s+(?:that|citing|which|who|as|on|in|at|about|during|after|before|when|while|if|last|"
    r"this|earlier|to|for|because|and|but)\b|[,;:]|\.(?:\s|$)|\x1a"
)
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused)\s+to\s+(?:comment|elaborate|discuss|respond|say|confirm|provide|"
    r"give|answer)\b|\b(?:did|does|do|has|have|had)\s+not\s+(?:immediately\s+)?(?:respond|"
    r"reply|return|answer)(?:ed)?\b[^.]{0,60}?\b(?:comment|request|message|call|email|"
    r"inquiry|inquiries|questions)\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|\b(?:"
    r"was|were)\s+not\s+(?:immediately\s+)?available\s+for\s+comment\b|\bhad\s+no\s+"
    r"(?:immediate\s+)?comment\b|\bwould\s+not\s+comment\b|\bdid\s+not\s+comment\b"
)
_NO_ONE_COMMENTED = re.compile(
    r"\b[Nn]o\s+(?P<who>(?:[A-Z][\w.]*\s+)?[a-z]+)\s+(?:has|have)\s+(?:yet\s+)?(?:publicly\s+)?"
    r"(?:commented|responded)\b"
)
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red|(?:is|are|was|were)\s+said\s+"
    r"to|(?:is|are|was|were)\s+(?:widely\s+)?(?:believed|thought)\s+to|(?:is|are|was|were|has\s+"
    r"been|have\s+been|had\s+been)\s+accused|according\s+to\s+(?:media\s+)?reports|reports\s+"
    r"say|it\s+(?:is|was)\s+claimed)\b",
    re.IGNORECASE,
)
_NUMERIC_CLAIM = re.compile(
    r"(?<![\w-])\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)|[$€£¥]\s?\d|(?<![\w-])\d[\d,.]*\s+"
    r"(?:million|billion|trillion)\b|(?<![\w-])(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:[A-Za-z-]+\s+)"
    r"{0,2}[a-z]+s\b|\b(?:largest|biggest|highest|lowest|most|fewest|first|worst|best|longest|"
    r"deadliest|costliest)\b[^.]{0,80}\bsince\s+(?:19|20)\d\d\b"
)


@dataclass
class _Attribution:
    type: str  # "speech", "according", "citing", "report"
    mention: Mention
    start: int  # where the speaker's phrase starts in the sentence
    verb_start: int
    verb_end: int
    words: str
    verb: str = ""
    audience: Mention | None = None
    trailing: bool = False
    leading: bool = False
    relay: bool = False


def _segments(text):
    """[(start, end), …] of the parts of `text` between commas, dashes and quotations."""
    parts, pos = [], 0
    for match in _SEPARATOR.finditer(text):
        parts.append((pos, match.start()))
        pos = match.end()
    parts.append((pos, len(text)))
    return parts


def _tail_speaker(text, start, end):
    """The longest speaker phrase that ends text[start:end], as (Mention, offset), or None."""
    tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    for i in range(max(0, len(tokens) - 14), len(tokens)):
        mention = parse_speaker(text[tokens[i][0] : end])
        if mention is None:
            continue
        if i > 0:
            before = tokens[i - 1][1].lower().strip(",")
            if before in _BLOCKING_BEFORE:
                return None
        return mention, tokens[i][0]
    return None


def _head_speaker(text):
    """The longest speaker phrase at the start of `text`, as (Mention, length), or None."""
    text = _DOCUMENT_WRAPPER.sub("", text)
    tokens = [m.end() for m in re.finditer(r"\S+", text)]
    for end in reversed(tokens[:14]):
        mention = parse_speaker(text[:end])
        if mention is not None:
            return mention, end
    return None


def _apposition(first, second):
    """ "A Putin aide, Yuri Ushakov" or "Yuri Ushakov, a Putin aide": one named person."""
    named, described = (
        (first, second) if not (first.anonymous or first.anaphor) else (second, first)
    )
    if named.anonymous or named.anaphor or not (described.anonymous or described.anaphor):
        return None
    if named.kind != SourceKind.PERSON or described.anaphor not in ("", "title"):
        return None
    role = re.sub(r"^(?:an?|the)\s+", "", described.role or described.name, flags=re.I)
    generic = role.lower() in ("person", "people", "source")
    return replace(
        named,
        role=named.role or ("" if generic else role),
        affiliation=named.affiliation or described.affiliation,
    )


def _subject_before(masked, pos):
    """Who is the subject of the verb at `pos`: (Mention, start, auxiliaries) or None."""
    core = masked[:pos].rstrip()
    auxiliaries = []
    while True:
        match = _STRIPPABLE.search(core)
        if not match:
            break
        auxiliaries.append(match.group().strip())
        core = core[: match.start()].rstrip()
    aside = _ADVERBIAL_ASIDE.search(core)
    if aside:
        core = core[: aside.start()].rstrip()
    if not core:
        return None
    segments = _segments(core)
    if core.endswith((",", "—", "–", QUOTE_MASK, ")")) and len(segments) > 1:
        # "NAME, responding to …, said": skip asides back to the name.
        for index in range(len(segments) - 2, max(-1, len(segments) - 6), -1):
            a, b = segments[index]
            piece = core[a:b]
            if not piece.strip():
                continue
            mention = parse_speaker(piece)
            if mention is not None:
                if index > 0:
                    pa, pb = segments[index - 1]
                    earlier = parse_speaker(core[pa:pb])
                    joined = earlier and _apposition(earlier, mention)
                    if joined:
                        return joined, pa, auxiliaries
                return mention, a, auxiliaries
            first = piece.strip()[:1]
            if first.isupper() and index == len(segments) - 2:
                return None
        return None
    a, b = segments[-1]
    found = _tail_speaker(core, a, b)
    if not found:
        return None
    mention, start = found
    if start == a and len(segments) > 1 and core[segments[-2][1] : a].strip() == ",":
        pa, pb = segments[-2]
        earlier = parse_speaker(core[pa:pb])
        joined = earlier and _apposition(earlier, mention)
        if joined:
            return joined, pa, auxiliaries
    return mention, start, auxiliaries


def _subject_after(masked, pos):
    """The speaker after an inverted verb, "…," said Sanders: (Mention, end) or None."""
    rest = masked[pos:]
    time = _TIME_AFTER_VERB.match(rest)
    skip = time.end() if time else 0
    text = rest[skip:]
    stop = re.search(r"[,;:\x1a]|[.!?]+[\s\"'”’)]*$", text)
    phrase = text[: stop.start()] if stop else text
    found = _head_speaker(phrase.strip())
    if not found:
        return None
    mention, length = found
    lead = len(phrase) - len(phrase.lstrip())
    end = pos + skip + lead + length
    after = masked[end:]
    appositive = re.match(r"\s*,\s*([^,;\x1a]+?)\s*[.!?]*\s*$", after)
    if appositive:
        described = parse_speaker(appositive.group(1))
        joined = described and _apposition(mention, described)
        if joined:
            return joined, len(masked.rstrip())
    return mention, end


def _audience(masked, pos):
    """Whom a speaker told: "CNN" in "told CNN that …", as (Mention, end) or None."""
    rest = masked[pos:]
    stop = _NP_STOP.search(rest)
    phrase = rest[: stop.start()] if stop else rest
    phrase = re.sub(r"[.!?]+\s*$", "", phrase)
    found = _head_speaker(phrase.strip())
    if not found:
        return None
    lead = len(phrase) - len(phrase.lstrip())
    return found[0], pos + lead + found[1]


def _is_trailing(masked, end):
    rest = masked[end:]
    rest = _TIME_AFTER_VERB.sub("", rest)
    rest = re.sub(r",?\s*according\s+to\s+[^,;]*", "", rest)
    return not re.sub(r"[\s.!?\"'”’)\]]", "", rest)


def _attributions(masked):
    """Every attribution in a masked sentence, in order."""
    found = []
    for match in _VERB.finditer(masked):
        verb = match.group("verb") or match.group("prog")
        verb_start = match.start("verb") if match.group("verb") else match.start()
        subject = _subject_before(masked, verb_start)
        end = match.end()
        inverted = False
        if subject is not None:
            mention, start, auxiliaries = subject
            if any(a in _PASSIVE_AUX for a in auxiliaries) and not match.group("prog"):
                continue  # "were found dead", "was told": the subject did not say it
            if verb in _SINGULAR_ONLY and (mention.anonymous and mention.name.endswith("s")):
                continue
        else:
            before = masked[:verb_start].rstrip()
            if not before or before[-1] not in ",\x1a—–":
                continue
            after = _subject_after(masked, match.end())
            if after is None:
                continue
            mention, end = after
            start, inverted = verb_start, True
        if verb == "quoted":
            quoted = _QUOTED_AS_SAYING.match(masked, verb_start)
            speaker = quoted and parse_speaker(quoted.group("who"))
            if speaker is None:
                continue
            found.append(
                _Attribution(
                    "report", mention, start, verb_start, quoted.end(), "quoted", verb, relay=True
                )
            )
            found.append(
                _Attribution("speech", speaker, quoted.start("who"), verb_start, quoted.end(), "")
            )
            continue
        words = match.group()
        audience = None
        if verb in ("told", "tells") and not inverted:
            told = _audience(masked, match.end())
            if told:
                audience, end = told
                words = f"{verb} {masked[match.end() : end].strip()}"
        elif not inverted:
            words = verb
        kind = "report" if verb in REPORT_VERBS else "speech"
        attribution = _Attribution(kind, mention, start, verb_start, end, words, verb, audience)
        attribution.trailing = _is_trailing(masked, end)
        lead_in = masked[:start].rstrip()
        attribution.leading = not any(f.verb_start < start for f in found) and (
            not lead_in or lead_in.endswith((",", "—", "–"))
        )
        found.append(attribution)
    for match in _ACCORDING_TO.finditer(masked):
        rest = masked[match.end() :]
        stop = _NP_STOP.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        phrase = re.sub(r"[.!?]+\s*$", "", phrase)
        head = _head_speaker(phrase)
        if head:
            found.append(
                _Attribution(
                    "according",
                    head[0],
                    match.end(),
                    match.start(),
                    match.end() + head[1],
                    "according to",
                )
            )
    for pattern, kind in ((_PASSIVE_BY, "according"), (_CITING, "citing")):
        for match in pattern.finditer(masked):
            rest = masked[match.end() :]
            stop = _NP_STOP.search(rest)
            phrase = rest[: stop.start()] if stop else rest
            head = _head_speaker(re.sub(r"[.!?]+\s*$", "", phrase))
            if head:
                words = "citing" if kind == "citing" else match.group().strip()
                words = re.sub(r"^(?:is|are|was|were|has been|have been)\s+", "", words)
                found.append(
                    _Attribution(
                        kind, head[0], match.end(), match.start(), match.end() + head[1], words
                    )
                )
    # An attribution inside another one's subject is part of an aside: drop it.
    kept = [
        a
        for a in found
        if not any(
            b is not a and b.start < a.verb_start < b.verb_start and b.type == "speech"
            for b in found
        )
    ]
    return sorted(kept, key=lambda a: a.verb_start)


def _quote_kind(text, quotes):
    """DIRECT when quotations carry the sentence, PARTIAL for quoted fragments, else None."""
    if not quotes:
        return None
    stripped = text.strip()
    first, last = quotes[0], quotes[-1]
    if first[0] == 0 and not re.sub(r"[\s.!?,]", "", text[last[1] :]) and len(quotes) == 1:
        return StatementKind.DIRECT
    quoted = sum(b - a for a, b in quotes)
    for a, b in quotes:
        inner = text[a + 1 : b - 1].strip() if b - a > 2 else ""
        sentence_like = inner[:1].isupper() or inner.startswith(("…", "..."))
        substantial = len(inner.split()) >= 3 or quoted >= 0.4 * len(stripped)
        if sentence_like and inner[-1:] in ".,!?…" and substantial:
            return StatementKind.DIRECT
    return StatementKind.PARTIAL


def _is_bare_quote(text, quotes):
    return (
        len(quotes) == 1
        and quotes[0][0] == 0
        and not re.sub(r"[\s.!?,]", "", text[quotes[0][1] :])
        and quotes[0][1] - quotes[0][0] > 3
    )


class _Context:
    """What an article has named so far, to resolve "Ushakov", "he" and "the outlet"."""

    def __init__(self, people, organisations=()):
        self.people = people  # Mentions of the people the text names, in order
        self.organisations = list(organisations)  # and of the organisations
        self.said = []  # Mentions of the sources and vias found so far, in order

    def _person_with_surname(self, surname, position):
        matches = [p for p in self.people + self.said if p.kind == SourceKind.PERSON]
        matches = [p for p in matches if len(p.name.split()) > 1]
        matches = [p for p in matches if normalize_name(p.name.split()[-1]) == surname]
        earlier = [p for p in matches if p.position <= position]
        if earlier:
            return max(earlier, key=lambda p: p.position)
        return matches[0] if matches else None

    def _latest(self, kinds, position, include_people=False):
        pool = list(self.said)
        if include_people:
            pool += self.people
        pool = [m for m in pool if m.kind in kinds and m.position <= position]
        pool = [m for m in pool if not m.anonymous or SourceKind.ANONYMOUS in kinds]
        return max(pool, key=lambda m: m.position) if pool else None

    def resolve(self, mention, position):
        """The mention as far as the article tells who it is; None for an unknown "he"."""
        if mention is None:
            return None
        mention = replace(mention, position=position)
        if mention.affiliation and mention.affiliation.kind != SourceKind.PERSON:
            affiliation = mention.affiliation
            if len(affiliation.name.split()) == 1 and self._person_with_surname(
                normalize_name(affiliation.name), position
            ):
                mention = replace(mention, affiliation=None)  # "Putin aide": Putin is a person
        if mention.anaphor == "person":
            said = self._latest({SourceKind.PERSON}, position)
            found = said or self._latest({SourceKind.PERSON}, position, include_people=True)
            return replace(found, position=position) if found else None
        if mention.anaphor == "any":
            found = self._latest(set(SourceKind.values), position)
            return replace(found, position=position) if found else None
        if mention.anaphor in ("organisation", "government", "outlet"):
            kinds = {
                "outlet": {SourceKind.OUTLET},
                "government": {SourceKind.GOVERNMENT, SourceKind.ORGANISATION},
                "organisation": {
                    SourceKind.ORGANISATION,
                    SourceKind.GOVERNMENT,
                    SourceKind.OUTLET,
                },
            }[mention.anaphor]
            if mention.name.lower() == "it":
                kinds = {SourceKind.ORGANISATION, SourceKind.GOVERNMENT, SourceKind.OUTLET}
            found = self._latest(kinds, position)
            if found is None and mention.anaphor == "organisation":
                earlier = [o for o in self.organisations if o.position <= position]
                found = earlier[-1] if earlier else None
            if found:
                return replace(found, position=position)
            if mention.name.lower() == "it":
                return None
            return replace(mention, kind=SourceKind.ANONYMOUS, anonymous=True, anaphor="")
        if mention.anaphor == "title":
            wanted = mention.title_words - {"the"}
            pool = [p for p in self.people + self.said if p.kind == SourceKind.PERSON]
            pool = [p for p in pool if p.role and p.position <= position]
            exact = [p for p in pool if frozenset(p.role.lower().split()) == wanted]
            loose = [p for p in pool if wanted <= frozenset(p.role.lower().split())]
            found = exact or loose
            if found:
                return replace(max(found, key=lambda p: p.position), position=position)
            return replace(mention, kind=SourceKind.ANONYMOUS, anonymous=True, anaphor="")
        if mention.kind == SourceKind.PERSON:
            words = mention.name.split()
            surname = normalize_name(words[-1])
            if mention.single:
                found = self._person_with_surname(surname, position)
                if found:
                    return replace(
                        found,
                        position=position,
                        role=found.role or mention.role,
                        affiliation=found.affiliation or mention.affiliation,
                    )
            else:
                same = [p for p in self.said + self.people if p.key == mention.key]
                if same:
                    earlier = same[0]
                    return replace(
                        mention,
                        role=mention.role or earlier.role,
                        affiliation=mention.affiliation or earlier.affiliation,
                    )
        return mention

    def add(self, mention):
        if mention is not None:
            self.said.append(mention)


def _people(hits, body):
    """Mentions of the people named in a body (outside quotations), for resolving."""
    people = []
    for hit in hits:
        if hit.kind != EntityKind.PERSON or hit.in_quote or len(hit.name.split()) < 2:
            continue
        role = hit.role
        if not role:
            before = body[max(0, hit.start - 60) : hit.start]
            match = re.search(r"((?:[A-Z][\w.'’-]*\s+)*(?:[a-z][\w-]*\s+){0,2})$", before)
            words = match.group(1).split() if match else []
            while (
                words
                and words[0].lower() not in DESCRIPTION_WORDS
                and not _is_capitalised(words[0])
            ):
                words.pop(0)
            if words and words[-1].lower() in TITLE_WORDS | PERSON_HEADS:
                role = " ".join(words)
        people.append(Mention(name=hit.name, role=role, position=hit.start))
    return people


def _organisations(hits):
    """Mentions of the companies and groups a body names, for "the company said"."""
    found = []
    for hit in hits:
        if hit.kind != EntityKind.ORGANISATION or hit.in_quote:
            continue
        mention = _named(hit.name)
        if mention.kind == SourceKind.ORGANISATION:
            found.append(replace(mention, position=hit.start))
    return found


def find_statements(body, hits=None):
    """[Found, …]: the statements of an article body, in order, with sources resolved in it.

    A statement is a sentence that attributes a claim (or declines to comment), a sentence
    or paragraph that is only a quotation (its speaker named just before), a hedged claim
    ("allegedly"; no source), or an unattributed sentence that makes a numeric claim (the
    outlet's own assertion).
    """
    hits = scan_names(body) if hits is None else hits
    context = _Context(_people(hits, body), _organisations(hits))
    statements = []
    previous_paragraph = []
    for pa, pb in paragraph_spans(body):
        paragraph = body[pa:pb]
        spans = quote_spans(paragraph)
        masked = _mask(paragraph, spans)
        this_paragraph = []
        for sa, sb in split_sentences(paragraph):
            text, shown = paragraph[sa:sb], masked[sa:sb]
            quotes = [(max(a, sa) - sa, min(b, sb) - sa) for a, b in spans if a < sb and b > sa]
            found = _statement(text, shown, quotes, pa + sa, context)
            if found is None and _is_bare_quote(text, quotes):
                speakers = [f.source for f in this_paragraph + previous_paragraph if f.source]
                if not speakers:
                    people = [p for p in context.people if pa - 400 < p.position < pa + sa]
                    speakers = people[-1:]
                source = speakers[-1] if speakers else None
                found = Found(pa + sa, pa + sb, StatementKind.DIRECT, source=source)
            if found is not None:
                found.start, found.end = pa + sa, pa + sb
                statements.append(found)
                this_paragraph.append(found)
        previous_paragraph = this_paragraph
    return statements


def _statement(text, masked, quotes, offset, context):
    """The Found for one sentence (offsets left to the caller), or None."""
    attributions = _attributions(masked)
    for attribution in attributions:
        attribution.mention = context.resolve(attribution.mention, offset + attribution.start)
        if attribution.audience is not None:
            attribution.audience = context.resolve(
                attribution.audience, offset + attribution.verb_end
            )
    attributions = [a for a in attributions if a.mention is not None]
    no_comment = _NO_COMMENT.search(masked) or _NO_ONE_COMMENTED.search(masked)
    if no_comment:
        if no_comment.re is _NO_ONE_COMMENTED:
            who = parse_speaker(no_comment.group("who"))
            subject = (who, no_comment.start("who"), []) if who else None
        else:
            subject = _subject_before(masked, no_comment.start())
        source = context.resolve(subject[0], offset + subject[1]) if subject else None
        if source is not None and subject is not None and no_comment.re is _NO_ONE_COMMENTED:
            source = replace(source, name=source.name)
        via = _via(attributions, source)
        context.add(source)
        words = no_comment.group() if no_comment.re is _NO_COMMENT else "have not commented"
        return Found(0, 0, StatementKind.NO_COMMENT, source, via, words[:300])
    kind = _quote_kind(text, quotes)
    if attributions:
        source_attribution = _choose_source(attributions)
        source = source_attribution.mention
        via = _via(attributions, source, source_attribution)
        context.add(source)
        if via is not None:
            context.add(via)
        words = source_attribution.words
        return Found(0, 0, kind or StatementKind.INDIRECT, source, via, words[:300])
    if _is_bare_quote(text, quotes):
        return None  # the caller finds the speaker named before
    hedge = _HEDGE.search(masked)
    if hedge:
        return Found(0, 0, kind or StatementKind.INDIRECT, attribution=hedge.group().lower())
    if _NUMERIC_CLAIM.search(masked) and not text.rstrip().endswith("?"):
        return Found(0, 0, StatementKind.ASSERTION)
    return None


def _is_relay(attribution):
    return attribution.type in ("according", "report") and attribution.mention.kind in (
        SourceKind.OUTLET,
    )


def _choose_source(attributions):
    """The attribution that names who made the claim (the innermost), not who relayed it."""
    speech = [a for a in attributions if a.type == "speech" and not _is_relay(a)]
    speech += [a for a in attributions if a.type == "report" and not _is_relay(a)]
    if speech:
        leading = [a for a in speech if a.leading and a.verb in PURE_SPEECH_VERBS]
        trailing = [a for a in speech if a.trailing]
        if leading:
            return leading[0]
        if trailing:
            return trailing[-1]
        return speech[0]
    for kind in ("according", "citing"):
        found = [a for a in attributions if a.type == kind and not _is_relay(a)]
        if found:
            return found[0]
    return attributions[0]


def _via(attributions, source, chosen=None):
    """Who relayed the claim to the outlet: the relay nearest the outlet, else the audience."""
    if source is None:
        return None
    relays = [
        a
        for a in attributions
        if a is not chosen
        and a.type in ("according", "report")
        and a.mention.key != source.key
        and (_is_relay(a) or (chosen is not None and chosen.type == "speech"))
    ]
    if relays:
        return relays[-1].mention
    if chosen is not None and chosen.audience is not None:
        audience = chosen.audience
        if audience.kind == SourceKind.OUTLET and audience.key != source.key:
            return audience
    return None


# --- Entities ---------------------------------------------------------------------------------


def find_entities(body, *, extra=(), hits=None, speakers=()):
    """[(name, kind, aliases), …]: the people, organisations, places and events mentioned.

    `extra` are other texts of the article (standfirst, caption) scanned too; `speakers`
    are names of people quoted, who count as people even without a title. A name whose
    kind is unsure comes with kind "": tag it only if it is already a known entity.
    """
    hits = list(scan_names(body) if hits is None else hits)
    for text in extra:
        if text:
            hits.extend(scan_names(text))
    speaker_keys = {normalize_name(name) for name in speakers}
    found = {}
    for hit in hits:
        kind = hit.kind or (EntityKind.PERSON if hit.key in speaker_keys else "")
        name = hit.name.strip()
        if len(name) < 2 or len(name) > 100 or name.lower() in NATIONALITIES:
            continue
        aliases = []
        known = known_name(name)
        if known:
            aliases = list(known[2])
        elif hit.key in PLACE_INDEX:
            aliases = list(PLACE_INDEX[hit.key][1])
        key = normalize_name(name)
        if key in found and found[key][1]:
            continue
        found[key] = (name, kind, aliases)
    return list(found.values())


# --- Resolving names against the database ---------------------------------------------------------


def same_person(first, second):
    """Whether two spellings name the same person: "Yuri Ushakov" and "Yury Ushakov".

    The surnames must be the same and each other name a near spelling of the other (same
    initial, one or two letters apart): "John Smith" and "Jane Smith" are two people.
    """
    a, b = normalize_name(first).split(), normalize_name(second).split()
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1] or a == b:
        return a == b and len(a) >= 2
    for x, y in zip(a[:-1], b[:-1], strict=True):
        if x == y:
            continue
        if x[0] != y[0] or min(len(x), len(y)) < 3:
            return False
        limit = 1 if max(len(x), len(y)) <= 6 else 2
        if Levenshtein.distance(x, y) > limit or fuzz.ratio(x, y) < 75:
            return False
    return fuzz.ratio(" ".join(a), " ".join(b)) >= 88


class _Directory:
    """The names and aliases of one model's rows, read once and kept in step with writes.

    Writes made while loading one article are journalled: rollback() forgets them when that
    article's transaction is rolled back, commit() keeps them.
    """

    def __init__(self, queryset):
        self.queryset = queryset
        self._index = None
        self._rows = {}
        self._journal = []

    def _load(self):
        if self._index is None:
            self._index = {}
            rows = self.queryset.order_by("pk").values_list("pk", "name", "aliases", "kind")
            for pk, name, aliases, kind in rows:
                self.add(pk, name, aliases, kind, journal=False)

    def add(self, pk, name, aliases=(), kind="", journal=True):
        self._load()
        if pk not in self._rows:
            self._rows[pk] = (name, kind)
            if journal:
                self._journal.append(("row", pk))
        for each in [name, *(aliases or [])]:
            key = normalize_name(each)
            if key and key not in self._index:
                self._index[key] = pk
                if journal:
                    self._journal.append(("key", key))

    def get(self, *names):
        self._load()
        for name in names:
            pk = self._index.get(normalize_name(name))
            if pk is not None:
                return pk
        return None

    def people_like(self, name, kind):
        """Rows of `kind` whose name is another spelling of the person `name`."""
        self._load()
        return [
            pk for pk, (other, k) in self._rows.items() if k == kind and same_person(name, other)
        ]

    def with_surname(self, surname, kind):
        self._load()
        key = normalize_name(surname)
        return [
            pk
            for pk, (name, k) in self._rows.items()
            if k == kind and len(name.split()) > 1 and normalize_name(name).split()[-1] == key
        ]

    def begin(self):
        self._journal = []

    def commit(self):
        self._journal = []

    def rollback(self):
        for what, value in reversed(self._journal):
            if what == "row":
                self._rows.pop(value, None)
            elif self._index is not None:
                self._index.pop(value, None)
        self._journal = []


class SourceDirectory(_Directory):
    """Finds or creates the Source for a Mention: by name or alias, then by near spelling."""

    def __init__(self):
        super().__init__(Source.objects.shared())
        self.created = 0
        self._cache = {}
        self._scoped = {}

    def begin(self):
        super().begin()
        self._cache = {}
        self._scoped = {}

    def rollback(self):
        super().rollback()
        self._cache = {}

    def _get(self, pk):
        if pk not in self._cache:
            self._cache[pk] = Source.objects.get(pk=pk)
        return self._cache[pk]

    def create(self, **fields):
        source = Source(**fields)
        source.full_clean(exclude=["slug", "affiliation", "entity", "scope_article"])
        source.save()
        self.created += 1
        self._cache[source.pk] = source
        if source.kind != SourceKind.ANONYMOUS:
            self.add(source.pk, source.name, source.aliases, source.kind)
        return source

    def find(self, name, aliases=()):
        pk = self.get(name, *aliases)
        return self._get(pk) if pk is not None else None

    def source_for(self, mention, article):
        """The Source a (resolved) Mention names, created if need be; None for None."""
        if mention is None:
            return None
        if mention.anonymous or mention.anaphor:
            key = (article.pk, normalize_name(mention.name))
            if key not in self._scoped:
                affiliation = mention.affiliation
                affiliation = self.source_for(affiliation, article) if affiliation else None
                self._scoped[key] = self.create(
                    name=mention.name[:200],
                    kind=SourceKind.ANONYMOUS,
                    role=mention.role[:200],
                    affiliation=affiliation
                    if affiliation and not affiliation.scope_article_id
                    else None,
                    scope_article=article,
                )
            return self._scoped[key]
        name, kind = mention.name, mention.kind
        pk = self.get(name, *mention.aliases)
        spelling = None
        if pk is None and kind == SourceKind.PERSON and not mention.single:
            alike = self.people_like(name, SourceKind.PERSON)
            if len(alike) == 1:
                pk, spelling = alike[0], name
        if pk is None and mention.single:
            namesakes = self.with_surname(name, SourceKind.PERSON)
            if len(namesakes) == 1:
                pk = namesakes[0]
            elif not namesakes and not normalize_name(name).endswith(SURNAME_ENDINGS):
                kind = SourceKind.ORGANISATION  # "Google said": one unknown word
        affiliation = None
        if mention.affiliation is not None and mention.affiliation.key != mention.key:
            affiliation = self.source_for(mention.affiliation, article)
        if pk is not None:
            source = self._get(pk)
            changed = []
            if spelling and normalize_name(spelling) not in {
                normalize_name(n) for n in source.names
            }:
                source.aliases = [*source.aliases, spelling]
                self.add(source.pk, source.name, [spelling], source.kind)
                changed.append("aliases")
            if mention.role and not source.role:
                source.role = mention.role[:200]
                changed.append("role")
            if mention.description and not source.description:
                source.description = mention.description
                changed.append("description")
            if (
                affiliation is not None
                and source.affiliation_id is None
                and affiliation.pk != source.pk
            ):
                source.affiliation = affiliation
                changed.append("affiliation")
            if changed:
                source.save(update_fields=[*changed, "updated_at"])
            return source
        return self.create(
            name=name[:200],
            kind=kind,
            role=mention.role[:200],
            description=mention.description,
            aliases=list(mention.aliases),
            affiliation=affiliation,
        )


class EntityDirectory(_Directory):
    """Finds or creates the Entity for a name: by name or alias, then by near spelling."""

    def __init__(self):
        super().__init__(Entity.objects.all())
        self.created = 0

    def entity_for(self, name, kind, aliases=(), **fields):
        """The Entity named `name`; created when `kind` is given, else None if unknown."""
        pk = self.get(name, *aliases)
        if pk is None and kind == EntityKind.PERSON:
            alike = self.people_like(name, EntityKind.PERSON)
            if len(alike) == 1:
                entity = Entity.objects.get(pk=alike[0])
                entity.aliases = [*entity.aliases, name]
                entity.save(update_fields=["aliases"])
                self.add(entity.pk, entity.name, [name], entity.kind)
                return entity
        if pk is not None:
            return Entity.objects.get(pk=pk)
        if not kind:
            return None
        entity = Entity(name=name[:100], kind=kind, aliases=list(aliases), **fields)
        entity.full_clean(exclude=["slug"])
        entity.save()
        self.created += 1
        self.add(entity.pk, entity.name, entity.aliases, entity.kind)
        return entity
