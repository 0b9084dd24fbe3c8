"""Word lists and well-known names: the vocabulary the extraction rules use."""

import re
from functools import lru_cache

from stories.models import EntityKind, SourceKind
from stories.names import normalize_name as _normalize_name


class SK:
    """SourceKind's members, looked up fast: an Enum member is slow to look up in a hot loop."""

    PERSON = SourceKind.PERSON
    ORGANISATION = SourceKind.ORGANISATION
    OUTLET = SourceKind.OUTLET
    GOVERNMENT = SourceKind.GOVERNMENT
    DOCUMENT = SourceKind.DOCUMENT
    ANONYMOUS = SourceKind.ANONYMOUS


class EK:
    """EntityKind's members, looked up fast."""

    PERSON = EntityKind.PERSON
    ORGANISATION = EntityKind.ORGANISATION
    PLACE = EntityKind.PLACE
    EVENT = EntityKind.EVENT
    TOPIC = EntityKind.TOPIC


# stories.names.normalize_name(), remembered: extraction compares the same few names often.
normalize_name = lru_cache(maxsize=65536)(_normalize_name)


def _words(text):
    return frozenset(text.split())


# --- Word lists -------------------------------------------------------------------------------

# Abbreviations that are always followed by more of the same sentence (a name, usually).
TITLE_ABBREVIATIONS = _words(
    "mr mrs ms messrs mme dr prof sen sens rep reps gov gen lt col sgt capt adm maj cmdr cpl "
    "cr cllr smt shri insp supt "
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
# Of those, the ones written in lowercase: any other is an abbreviation only when capitalised.
LOWERCASE_ABBREVIATIONS = _words(
    "no nos vs v etc approx est fig figs vol vols cf ed eds gov't govt intl natl op cit pp"
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
    "north south east west democratic republican arab muslim christian jewish catholic "
    "philippine haitian dominican jamaican guatemalan honduran salvadoran nicaraguan "
    "panamanian ecuadorian bolivian paraguayan uruguayan icelandic maltese cypriot moldovan "
    "albanian bosnian macedonian montenegrin tunisian algerian moroccan malian senegalese "
    "ghanaian ivorian cameroonian congolese rwandan ugandan tanzanian zambian zimbabwean "
    "mozambican angolan namibian malagasy eritrean bahraini kuwaiti omani bangladeshi "
    "nepali burmese cambodian laotian mongolian tibetan uyghur singaporean kurdish persian "
    "latino latina hispanic nordic balkan baltic caucasian sikh hindu buddhist sunni shiite "
    "shia protestant orthodox evangelical indigenous southeast northeast southwest "
    "northwest southern northern central middle-eastern north-american south-american "
    "latin-american asian-american african-american"
)
# Languages, which describe an outlet as a nationality does ("the Arabic daily Emarat Al
# Youm"), but begin the names of places ("Tamil Nadu", "Basque Country").
LANGUAGES = _words(
    "arabic hindi urdu bengali tamil telugu malayalam marathi gujarati punjabi kannada "
    "swahili hebrew farsi mandarin cantonese hausa yoruba igbo amharic afrikaans zulu xhosa "
    "sinhala catalan basque galician flemish gaelic"
)
# Only the compass and the parties among them: words that begin names of places and bodies.
COMPASS_WORDS = _words(
    "north south east west southeast northeast southwest northwest central upper lower "
    "greater new democratic republican"
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
    "alderman trustee regent governor-general attorney-general press administrator "
    "coordinator supervisor commander-in-chief defender mr mrs ms dr prof sen rep gov gen lt "
    "col sgt capt adm maj cmdr supt insp det amb atty rev fr hon pres"
    " coroner chairperson commodore ombudsman ombudswoman assemblyman assemblywoman "
    "councilmember member constable magistrate warden undersecretary secretary-general "
    "tem tempore "
    "director-general mayor-elect president-elect governor-elect premier-elect headteacher "
    "rector chaplain pastor reverend rev. bishop superintendent chairman-elect ceo-elect dep. "
    "supt. insp. det. cmdr. brig. amb. atty. pres. hon. gens. reps. sens. msgr. scientist "
    "geographer glaciologist neurologist cardiologist oncologist psychologist psychiatrist "
    "sociologist anthropologist archaeologist criminologist climatologist meteorologist "
    "volcanologist seismologist ecologist zoologist botanist astrobiologist surgeon "
    "pediatrician paediatrician pharmacist dentist veterinarian td mp mla msp mep mpp tds mps "
    "mk mks mca mna mha mhk mhks mlc mlcs "
    "cpl cpl. cst cst. const const. pte pte. pvt pvt. spc spc. ssgt lcpl"
    " co-founder cofounder striker goalkeeper midfielder defender quarterback pitcher captain "
    "coach winger batter bowler jockey fly-half scrum-half fullback full-back wing-back "
    "centre-back left-back right-back wicketkeeper wicket-keeper all-rounder batsman "
    "linebacker cornerback shortstop"
    " lt-col lt-gen lt-cdr maj-gen brig-gen col-gen lt.-col. maj.-gen."
    " candidate nominee challenger incumbent hopeful contender"
    " convener convenor gda det sgt insp supt comrade cde alhaji alhaja engr engr. datuk datin "
    "dato dato' tengku tunku dasho"
    # Bhutanese ministers: "Lyonpo Kinzang Rabgyel", and "Lyonpo" alone for him
    " lyonpo lyonchhen"
    " cr cr. cllr cllr. sir dame lord lady shri smt smt. sri thiru referee umpire conductor "
    "cellist violinist pianist composer barrister magistrate chair co-author mp mla mep msp "
    "mpp td councilmembers dpp"
    # Heads of government, officers and crew, clergy, civic and court offices
    " taoiseach tánaiste coxswain skipper helmsman curator registrar archdeacon vicar priest "
    "monsignor deacon patriarch ayatollah mufti sultan sheikha chieftain prefect burgomaster "
    "chairlady matron headmaster headmistress mayoress comptroller trooper patrolman corporal "
    "airman seaman brigadier selectman assemblymember vice-chancellor lieutenant-governor "
    "lord-mayor solicitor-general advocate-general inspector-general auditor-general "
    "comptroller-general commissioner-general vice-president deputy-speaker deputy-mayor "
    "rear-admiral vice-admiral major-general justices judges madam"
)
# Words that are a title only where a person's name follows: "Advocate Shahnaz Parveen Mithu",
# "Detective Garda Aoife Brennan", "England lock Will Gathercole"; not "Advocate Health Care",
# "the Garda Síochána" or "Jane Hooker".
TITLES_BEFORE_NAMES = _words("advocate garda lock prop hooker flanker")
# British police ranks, titles only before a given name and a surname: "Pc Sarah Whitcombe",
# "DCI Tom Reid"; not "PC Harris" (the name as written), "DS Smith", "DC Comics" or "PC World".
POLICE_RANKS = _words("pc dc ds dci dsi")
# The same for South African "Adv" and East African "Eng" ("Adv Johan van der Merwe", "Eng
# Patrick Okello-Obonyo"); not "Tan Eng Chye" or "Adv Tech".
ABBREVIATED_TITLES = _words("adv eng")
# Police ranks in Nigeria and South Asia, before a full name: "SP Onome Akpovwovwo", "DSP Rana
# Tariq Mehmood"; not "DCP Midstream" or "ASP Isilon".
RANK_LETTERS = _words("sp asp dsp csp ssp acp dcp igp aig dig")
# Malaysian forms of address that "Seri" completes: "Datuk Seri Ahmad Zahid Hamidi".
MALAY_HONORIFICS = _words("datuk dato dato' datin tan toh")


def title_before_name(lows, index):
    """Whether lows[index], a word that may be a title or a name, is a title there (the
    caller checks that a person's name follows it)."""
    low = lows[index]
    if low in POLICE_RANKS or low in ABBREVIATED_TITLES:
        return len(lows) - index >= 3 and lows[index + 1] in GIVEN_NAMES
    if low in RANK_LETTERS:
        return index == 0 and len(lows) >= 3
    return low in TITLES_BEFORE_NAMES or (
        low == "seri" and index > 0 and lows[index - 1] in MALAY_HONORIFICS
    )


# Forms of address: part of how a person is named, never part of the name ("Sir Geoffrey
# Brayfield" is Edmund Brayfield; "Mrs Justice Ainsworth" is Ainsworth).
HONORIFIC_WORDS = _words(
    "mr mrs ms miss mx messrs dr prof sir dame lord lady shri sri smt shrimati thiru tmt "
    "sheikh mme mlle herr frau hon"
    # Nigerian, Ghanaian, South African, South Asian and Malaysian forms of address
    " comrade alhaji alhaja engr datuk datin dato dato' tengku tunku"
    # Zimbabwean: "Cde Owen Sibanda" (comrade)
    " cde"
    # West African: "Madam Comfort Esi Mensah"
    " madam"
    # Bhutanese: "Dasho Pema Lhendup"
    " dasho"
)
# Letters after a name: "Jane Ndoro SC", "Jane Doe MP", "John Smith Jr.". Case matters:
# "MS" is not "Ms".
POST_NOMINALS = frozenset(
    "KC QC SC MP MEP MLA MSP MPP MHA MHK TD Jr Jr. Sr Sr. PhD Ph.D. MD M.D. OBE CBE MBE KBE "
    "DBE Esq Esq. FRS DPhil BL SAN MLC MHR AO ONZM MNZM KNZM CNZM DNZM QSM"
    # a Member of the Senedd, of Quebec's National Assembly; Australian honours
    " MS MNA AM AC OAM".split()
)
# Abbreviated titles, spelled out: "the councillor" is the "Cr Hana Tawhai" named before.
TITLE_EXPANSIONS = {
    "cr": "councillor",
    "cllr": "councillor",
    "councilor": "councillor",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "dr": "doctor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "amb": "ambassador",
    "atty": "attorney",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "sgt": "sergeant",
    "capt": "captain",
    "adm": "admiral",
    "maj": "major",
    "cmdr": "commander",
    "councilwoman": "councillor",
    "councilman": "councillor",
    "councilmember": "councillor",
    "chairwoman": "chair",
    "chairman": "chair",
    "chairperson": "chair",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "justice": "judge",
    "magistrate": "judge",
}


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
    "colleague colleagues friend friends relative relatives neighbor neighbour neighbours "
    "neighbors "
    "activist activists organizer organizers organiser organisers supporter supporters "
    "opponent opponents agent agents staff student students teacher teachers worker "
    "workers voter voters user users customer customers victim victims survivor survivors "
    "protester protesters demonstrator demonstrators engineer engineers partner partners "
    "pilot pilots soldier soldiers troops detective detectives deputy deputies counsel "
    "reporter reporters correspondent editor editors professor professors author authors"
    " owner owners operator operators mother father son daughter wife husband brother sister "
    "uncle aunt nephew niece cousin grandmother grandfather parent parents family families "
    "widow widower fiancee fiance partner boyfriend girlfriend spokespersons delegate "
    "delegates delegation representative"
    " mp mps"
    " campaigner campaigners servant servants veteran veterans farmer farmers nurse nurses "
    "pupil pupils parent shopper shoppers commuter commuters tenant tenants landlord landlords"
    " guard guards patient patients fan fans player players athlete athletes driver drivers "
    "passenger passengers traveler travelers traveller travellers tourist tourists visitor "
    "visitors consumer consumers homeowner homeowners renter renters immigrant immigrants "
    "migrant migrants refugee refugees villager villagers local locals bystander bystanders "
    "volunteer volunteers lawmakers miner miners builder builders retiree retirees "
    "investor investors trader traders economist economists scholar scholars"
    " rebel rebels backbencher backbenchers councillor councillors councilor councilors peer "
    "peers whip whips senators governors mayors dissident dissidents insurgent insurgents "
    "militant militants fighter fighters consultant consultants nurse nurses manager managers "
    "director directors vendor vendors shopkeeper shopkeepers architect architects designer "
    "designers chef chefs artist artists musician musicians singer singers actor actors actress "
    "novelist novelists poet poets photographer photographers filmmaker filmmakers midwife "
    "midwives paramedic paramedics firefighter firefighters sailor sailors fisherman fishermen "
    "carpenter carpenters plumber plumbers electrician electricians mechanic mechanics cleaner "
    "cleaners cook cooks baker bakers butcher butchers pensioner pensioners entrepreneur "
    "businessman businesswoman businessmen businesswomen councilmember councilwoman councilman "
    "entrepreneurs historian historians lecturer lecturers academic academics evacuee evacuees"
    " rancher ranchers grower growers motorist motorists herder herders pastoralist "
    "pastoralists landowner landowners beekeeper beekeepers winemaker winemakers caregiver "
    "caregivers carer carers protestor protestors mourner mourners elder elders"
)
OUTLET_HEADS = _words(
    "outlet outlets agency agencies newspaper newspapers paper papers network networks "
    "broadcaster broadcasters channel channels station stations magazine magazines tabloid "
    "tabloids daily website site publication publications wire media service"
    " journal journals"
)
DOCUMENT_HEADS = _words(
    "documents document records record filings filing papers report reports study studies "
    "survey surveys data figures statement statements ruling indictment complaint lawsuit "
    "memo letter transcript analysis poll polls readout release paper"
    " opinion decision order affidavit petition declaration motion brief testimony minutes "
    "agenda presentation note notes budget audit review assessment projections estimate "
    "estimates forecast forecasts statistics census research investigation inquiry probe "
    "memorandum guidance proposal draft plan"
    " suit suits contract charge-sheet resolution non-paper communique communiqué"
)
ORGANISATION_HEADS = _words(
    "company companies firm firms group groups organisation organization organisations "
    "organizations watchdog charity bank union party campaign university institute lab thinktank "
    "laboratory team club startup airline retailer automaker carmaker manufacturer insurer "
    "lender regulator association foundation coalition alliance council committee board "
    "commission court tribunal panel fund corporation business businesses conglomerate "
    "operator provider developer maker producer club league federation society"
    " agency agencies council board commission network cooperative district league alliance "
    "school schools hospital clinic museum church exchange platform outlet department office "
    "headquarters administration presidency secretariat mission delegation college "
    "inspectorate authority utility"
)
GOVERNMENT_HEADS = _words(
    "ministry department government administration embassy consulate military army navy "
    "police parliament congress senate cabinet kremlin office bureau prosecutors municipality"
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
# Irish "An" ("the") that is part of a body's name ("An Garda Síochána", "An Post", "An
# Coimisiún Pleanála"); not the English article ("An MoD spokesperson") nor a title ("An
# Taoiseach").
IRISH_ARTICLE = re.compile(
    r"An\s+(?:Post|Garda\s+S[ií]och[aá]na|Bord|Taisce|Coimisi[uú]n|Chomhairle|Phoblacht|[OÓ]ige|"
    r"Cos[aá]n|Roinn|Foras|Ch[uú]irt|tSeirbh[ií]s|Lucht)\b"
)
QUANTIFIERS = _words(
    "a an one two three four five six seven eight nine ten several some many multiple "
    "other another numerous few dozens"
)
CONNECTORS = _words("of for de del della der van von bin bint binti al da di du la le y and &")
# Lower-case words inside or before a name: "Ursula von der Leyen", "el Nuevo Herald".
NAME_PARTICLES = _words(
    "de van von der den da di du la le del della dos das ter ten bin bint binti ibn al el il ap ab"
)
# Kin and others a story names by whose they are: "Sinclair's sister", "his neighbour".
KIN_WORDS = _words(
    "mother father sister brother wife husband son daughter widow widower cousin aunt uncle "
    "niece nephew grandmother grandfather granddaughter grandson fiancee fiancée fiance "
    "girlfriend boyfriend stepmother stepfather stepson stepdaughter neighbour neighbor"
)
ORGANISATION_NAME_HEADS = _words(
    # what a company makes or mines: "Kestrel Hill Lithium", "Golden Lotus Garments"
    "lithium metals textiles garments cement rubber timber nickel uranium solar homes "
    "engineering technology biotech "
    "agency ministry council house department committee commission party court bank "
    "university institute association foundation organization organisation cooperation "
    "union corporation corp corp. inc inc. company co co. group office bureau service "
    "administration army navy force forces police parliament congress senate assembly "
    "federation league board authority fund network alliance coalition center centre "
    "church school college hospital clinic museum society trust club team "
    "fc airlines airways motors industries holdings partners capital labs systems "
    "technologies pharmaceuticals media communications energy oil petroleum reserve "
    "guard command staff cabinet kremlin nato opec ag se plc ltd llc gmbh sa nv"
    " software foods food brands brand securities airways air biosciences bioscience bio "
    "therapeutics health healthcare capital partners analytics outreach cooperative co-op "
    "headquarters mission secretariat presidency commission schools district elementary "
    "academy press publishing records entertainment studios pictures bancorp financial "
    "insurance investments investment advisors advisers consulting consultants solutions "
    "services logistics shipping railways railway rail transit motors automotive pharma "
    "pharmaceutical chemicals steel mining minerals resources power utilities electric water "
    "gas telecom telecommunications wireless networks digital robotics semiconductor "
    "semiconductors devices electronics aerospace defense defence dynamics ventures fund "
    "funds trust bank banks exchange markets stores supermarkets restaurants hotels resorts "
    "apparel group coalition league initiative project institute initiative observatory "
    "laboratory laboratories magistrates tribunal panel caucus directorate inspectorate "
    "ombudsman regulator watch monitor federation confederation syndicate guild chamber "
    "chambers forum philharmonic orchestra choir ensemble opera ballet theatre theater "
    "rovers athletic wanderers rangers united maritime marine tankers freight cargo "
    "construction properties realty developments builders brewery bakery dairy mills works "
    "enforcement protection prevention bhd berhad sdn tbk pty pvt limited"
    # The same in the languages whose bodies keep their own names in English copy.
    " universidad universidade università université museo museu musée banco banque "
    "instituto istituto fundación fundação fondazione ministerio ministério ministero "
    "ministère secretaría tribunale partido partito comisión comissão commissione consejo "
    "conselho consiglio conseil asamblea assembleia assemblea assemblée congreso "
    "senado senato policía polícia polizia ejército empresa compañía companhia sociedad "
    "sociedade società société grupo gruppo groupe ospedale hôpital escuela "
    "agencia agência agenzia servicio serviço servizio"
)
GOVERNMENT_NAME_HEADS = _words(
    "ministry department government administration embassy consulate army navy force "
    "forces police parliament congress senate cabinet office bureau command guard "
    "reserve house kremlin duma assembly"
)
# The last words of any body's name: "… Police Service", "… Audit Office".
BODY_NAME_HEADS = ORGANISATION_NAME_HEADS | GOVERNMENT_NAME_HEADS
# The lowercase words that head a phrase for a body ("the company", "the ministry").
BODY_HEADS = ORGANISATION_HEADS | GOVERNMENT_HEADS
# The lowercase words that head a phrase for a person, a title among them ("the minister").
PERSON_TITLE_HEADS = PERSON_HEADS | TITLE_WORDS
# Words that, right before a title, belong to the title rather than to a body:
# "Defense Secretary", "District Attorney", "Foreign Minister", "Assistant Chief".
TITLE_MODIFIERS = _words(
    "assistant deputy associate acting interim district defense defence foreign interior "
    "finance justice health trade economy economic education energy transport "
    "transportation environment agriculture labor labour home treasury commerce housing "
    "culture tourism immigration security intelligence budget development science industry "
    "industries commerce communications sport sports fisheries forestry mining water climate "
    "digital technology infrastructure planning social welfare employment work pensions "
    "equality veterans women children youth family public works information broadcasting "
    "electronics petroleum power telecommunications shadow"
)
# Words of a ministry's portfolio: "Ministry of Land, Infrastructure, Transport and Tourism".
PORTFOLIO_WORDS = (
    TITLE_MODIFIERS - _words("assistant deputy associate acting interim district shadow")
) | _words(
    "land lands resources natural rural urban affairs skills skill innovation heritage arts "
    "enterprise consumer protection media communities local government investment promotion "
    "regional municipal northern food safety wildlife parks forests mines energy environmental "
    "citizenship integration cooperation research universities aviation roads highways "
    "maritime ports shipping gaeltacht islands sustainability care services relations reform "
    "recovery growth regeneration creative industries levelling marine urbanization "
    "urbanisation change sanitation prisons corrections correctional meteorological "
    "meteorology cooperatives irrigation livestock gender disability mineral minerals oceans"
)
PLACE_NAME_HEADS = _words(
    "peninsula sea ocean river island islands mountains mountain valley bay gulf strait "
    "province county city region coast desert lake canal square street avenue park airport "
    "state republic territory territories heights strip bank basin plain plateau"
    " road lane boulevard drive way place terrace highway route parkway bridge tunnel harbor "
    "harbour port shoal reef range ridge canyon falls springs creek township borough parish "
    "village town county islands archipelago sound cape peak glacier forest "
    "national-park"
    " landfill plant mine refinery terminal stadium arena dam reservoir prison jail station "
    "pier wharf"
)
EVENT_NAME_HEADS = _words(
    "summit games olympics cup war conference championship championships festival forum "
    "election elections referendum crisis revolution tournament expo marathon "
    "olympiad"
)
OUTLET_NAME_WORDS = _words(
    "news times post journal independent guardian telegraph tribune herald gazette daily "
    "press radio television tv network magazine wire today chronicle observer mirror sun "
    "express standard economist review register bulletin courier star globe examiner "
    "inquirer dispatch record broadcasting insider beacon wire clarion advertiser sentinel "
    "echo argus mercury enquirer messenger ledger recorder telegram bugle courant fm"
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
# Common given names, by the gender they usually go with, to tell a person's name from a
# company's and to agree "she" with the person it stands for. Not a list of anyone in
# particular: the names most often given in the English-speaking world, Europe, Latin America,
# the Arab world, Africa and Asia.
FEMALE_NAMES = _words(
    "abigail ada adriana agnes aisha alejandra alexandra alice alicia alina alison amanda "
    "amelia amina amy ana anastasia andrea angela angelina anita ann anna anne annette annie "
    "antonia april ariana ashley audrey barbara beatrice beatriz becky belinda bernadette "
    "beth bethany betty beverly bianca bonnie brenda bridget brittany brooke camila camille "
    "carla carmen carol carole caroline carolyn cassandra catalina catherine cecilia celeste "
    "celia charlotte chloe christina christine cindy claire clara claudia colleen connie "
    "cristina cynthia daisy dana daniela danielle daria deborah debra delia denise diana "
    "diane dolores donna doris dorothy edith elaine eleanor elena elisa elisabeth eliza "
    "elizabeth ella ellen eloise elsa emilia emily emma erica erin esther eva evelyn fatima "
    "fiona florence frances francesca gabriela gabrielle gail gemma georgia gina giulia "
    "gloria grace greta gwen hannah harriet hazel heather heidi helen helena helene hilda "
    "holly ida ines ingrid irene irina iris isabel isabella jacqueline jane janet janice "
    "jasmine jean jeanne jennifer jenny jessica jill joan joanna joanne jocelyn josephine "
    "joy joyce judith judy julia julie june karen karin katarzyna kate katherine kathleen "
    "kathryn katie kayla kelly kimberly kristen kristin lara laura lauren leah leila lena "
    "leslie lidia lillian lily linda lisa liz lois lorraine louise lucia lucy luisa lydia "
    "lynn mabel madeleine madison magdalena maggie marcia margaret margarita maria mariana "
    "marie marina marisa marjorie marta martha mary maya megan melanie melissa mia michelle "
    "mildred miriam molly monica monika nadia nancy naomi natalia natalie natalya nicole "
    "nina nora norma olga olivia paola patricia paula pauline peggy penelope petra phyllis "
    "priya rachel rebecca regina renata rita roberta rosa rosalind rose ruth sabrina sally "
    "samantha sandra sara sarah shannon sharon sheila shirley silvia simone sofia sonia "
    "sophia sophie stacy stella stephanie susan suzanne svetlana sylvia tamara tanya teresa "
    "theresa tina tracy ursula valentina valerie vanessa vera veronica victoria viktoria "
    "virginia wanda wendy yolanda yulia yuliya zoe zeynep mei ying yuki keiko sakura "
    "ananya deepa lakshmi sunita anjali pooja grace chiara elif siobhan niamh sinead orla "
    "roisin saoirse morag kirsty shona isla ailsa kavita meera nisha neha divya shreya ngozi "
    "ama zanele naledi palesa layla noor mariam yasmin leila amira hina ayesha sana"
)
MALE_NAMES = _words(
    "aaron abdul abdullah adam adrian ahmed ahmad alan albert alberto aleksandr aleksei "
    "alessandro alex alexander alexei alexey alfred ali andre andreas andrei andrew andrey "
    "andriy andy angus anthony antoine antonio anton arnold arthur arturo barack barry ben "
    "benjamin bernard bill billy bob bobby boris brad bradley brandon brian bruce bryan "
    "calvin carl carlos charles charlie chris christian christopher chuck clarence colin "
    "connor craig curtis dale dan daniel darren dave david dean denis dennis derek diego "
    "dmitri dmitry dominic donald doug douglas duncan dylan earl ed eddie edgar edward "
    "eduardo elias emmanuel enrique eric erik ernest ethan eugene evan evgeny felix "
    "fernando francesco francis francisco frank franz fred frederick gabriel gary gavin "
    "george georgy gerald gerard gilbert giovanni giuseppe glen glenn gordon graham greg "
    "gregory guillermo gustavo hans harold harry hassan hector henri henrik henry herbert "
    "howard hugh hugo hussein ian igor ilya isaac ivan jack jacob jake james jamie javier "
    "jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel johan john johnny jon "
    "jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin "
    "kirill konstantin kurt kyle lars larry lawrence leo leon leonard leonid lorenzo louis "
    "lucas luis luke malcolm manuel marc marcel marco marcus mario mark martin marvin "
    "mateo matt matteo matthew matthias maurice max maxim michael michel miguel mike "
    "mikhail miles mitch mohammed mohammad muhammad nathan neil nicholas nick nigel nikolai "
    "noah norman oleg oliver omar oscar owen pablo patrick paul pavel pedro peter petro "
    "philip phillip pierre rafael ralph ramon randy ray raymond richard rick ricardo rob "
    "robert roberto roger roman ron ronald ross roy ruben russell ryan salvador sam samuel "
    "scott sean sebastian sergei sergey seth simon stanley stefan stephen steve steven "
    "stuart ted terry theodore thomas tim timothy tobias todd tom tomas tony travis trevor "
    "tyler victor viktor vincent vladimir vladislav walter warren wayne wei wesley william "
    "willie xavier yuri yury yevgeny youssef yusuf zachary hiroshi takeshi kenji raj "
    "rahul vikram arjun amit sanjay rohan wang zhang li liu chen seamus eoin cormac fergus "
    "hamish callum ewan rory finn aidan dermot niall conor ravi rajesh sunil vijay deepak "
    "ramesh suresh kwame kofi chidi tshepo lwazi khalid hamza yousef tariq imran bilal oscar "
    "will pieter johan hendrik"
)
UNISEX_NAMES = _words(
    "alex ashley bailey casey dana drew jamie jean jordan kelly kim lee leslie morgan pat "
    "quinn robin sam taylor terry tracy"
)
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES | UNISEX_NAMES


def noun_title_before_name(lows, index):
    """Whether lows[index], a noun for what one person is, stands as a title before their
    name: "Businessman Travis Kell", "City Councilor Dana Whitcombe" (before a given name),
    "FSIN Vice-Chief Darryl Okemaw" (a title made with a hyphen); not "Head Start Program" or
    "Farmers Union". The caller checks that a person's name follows it."""
    low = lows[index]
    compound = "-" in low
    if compound:
        low = low.rsplit("-", 1)[1]
    if low not in PERSON_TITLE_HEADS or (low.endswith("s") and not low.endswith("ss")):
        return False
    return compound or (index + 1 < len(lows) and lows[index + 1] in GIVEN_NAMES)


def name_gender(name):
    """ "female", "male" or "" for a person's name, from a common given name at its start."""
    words = normalize_name(name).split()
    if not words or words[0] in UNISEX_NAMES:
        return ""
    if words[0] in FEMALE_NAMES:
        return "" if words[0] in MALE_NAMES else "female"
    return "male" if words[0] in MALE_NAMES else ""


# Countries and what their people, governments and ministries are called: "Egypt's foreign
# ministry" is the Egyptian Foreign Ministry.
DEMONYMS = {
    "Afghanistan": "Afghan",
    "Albania": "Albanian",
    "Algeria": "Algerian",
    "Argentina": "Argentine",
    "Armenia": "Armenian",
    "Australia": "Australian",
    "Austria": "Austrian",
    "Azerbaijan": "Azerbaijani",
    "Bahrain": "Bahraini",
    "Bangladesh": "Bangladeshi",
    "Belarus": "Belarusian",
    "Belgium": "Belgian",
    "Bolivia": "Bolivian",
    "Brazil": "Brazilian",
    "Bulgaria": "Bulgarian",
    "Cambodia": "Cambodian",
    "Cameroon": "Cameroonian",
    "Canada": "Canadian",
    "Chile": "Chilean",
    "China": "Chinese",
    "Colombia": "Colombian",
    "Croatia": "Croatian",
    "Cuba": "Cuban",
    "Cyprus": "Cypriot",
    "Czech Republic": "Czech",
    "Denmark": "Danish",
    "Ecuador": "Ecuadorian",
    "Egypt": "Egyptian",
    "Estonia": "Estonian",
    "Ethiopia": "Ethiopian",
    "Finland": "Finnish",
    "France": "French",
    "Georgia": "Georgian",
    "Germany": "German",
    "Ghana": "Ghanaian",
    "Greece": "Greek",
    "Hungary": "Hungarian",
    "Iceland": "Icelandic",
    "India": "Indian",
    "Indonesia": "Indonesian",
    "Iran": "Iranian",
    "Iraq": "Iraqi",
    "Ireland": "Irish",
    "Israel": "Israeli",
    "Italy": "Italian",
    "Japan": "Japanese",
    "Jordan": "Jordanian",
    "Kazakhstan": "Kazakh",
    "Kenya": "Kenyan",
    "Kuwait": "Kuwaiti",
    "Latvia": "Latvian",
    "Lebanon": "Lebanese",
    "Libya": "Libyan",
    "Lithuania": "Lithuanian",
    "Malaysia": "Malaysian",
    "Mexico": "Mexican",
    "Moldova": "Moldovan",
    "Morocco": "Moroccan",
    "Netherlands": "Dutch",
    "New Zealand": "New Zealand",
    "Nigeria": "Nigerian",
    "North Korea": "North Korean",
    "Norway": "Norwegian",
    "Pakistan": "Pakistani",
    "Peru": "Peruvian",
    "Philippines": "Philippine",
    "Poland": "Polish",
    "Portugal": "Portuguese",
    "Qatar": "Qatari",
    "Romania": "Romanian",
    "Russia": "Russian",
    "Saudi Arabia": "Saudi",
    "Serbia": "Serbian",
    "Singapore": "Singaporean",
    "Slovakia": "Slovak",
    "Slovenia": "Slovenian",
    "South Africa": "South African",
    "South Korea": "South Korean",
    "Spain": "Spanish",
    "Sri Lanka": "Sri Lankan",
    "Sudan": "Sudanese",
    "Sweden": "Swedish",
    "Switzerland": "Swiss",
    "Syria": "Syrian",
    "Taiwan": "Taiwanese",
    "Thailand": "Thai",
    "Tunisia": "Tunisian",
    "Turkey": "Turkish",
    "Uganda": "Ugandan",
    "Ukraine": "Ukrainian",
    "United Arab Emirates": "Emirati",
    "United Kingdom": "British",
    "United States": "American",
    "Venezuela": "Venezuelan",
    "Vietnam": "Vietnamese",
    "Yemen": "Yemeni",
    "Zambia": "Zambian",
    "Zimbabwe": "Zimbabwean",
}


# Capitals that stand for their country's government when they speak: "Seoul says …",
# "Beijing has rejected …".
CAPITALS = {
    "Washington": "United States",
    "Moscow": "Russia",
    "Beijing": "China",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "London": "United Kingdom",
    "Paris": "France",
    "Berlin": "Germany",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "Tehran": "Iran",
    "Ankara": "Turkey",
    "New Delhi": "India",
    "Islamabad": "Pakistan",
    "Kabul": "Afghanistan",
    "Baghdad": "Iraq",
    "Damascus": "Syria",
    "Riyadh": "Saudi Arabia",
    "Cairo": "Egypt",
    "Jerusalem": "Israel",
    "Beirut": "Lebanon",
    "Amman": "Jordan",
    "Doha": "Qatar",
    "Abu Dhabi": "United Arab Emirates",
    "Taipei": "Taiwan",
    "Manila": "Philippines",
    "Hanoi": "Vietnam",
    "Bangkok": "Thailand",
    "Jakarta": "Indonesia",
    "Canberra": "Australia",
    "Wellington": "New Zealand",
    "Ottawa": "Canada",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Buenos Aires": "Argentina",
    "Caracas": "Venezuela",
    "Havana": "Cuba",
    "Bogota": "Colombia",
    "Madrid": "Spain",
    "Rome": "Italy",
    "Lisbon": "Portugal",
    "Warsaw": "Poland",
    "Budapest": "Hungary",
    "Prague": "Czech Republic",
    "Vienna": "Austria",
    "Bern": "Switzerland",
    "Stockholm": "Sweden",
    "Oslo": "Norway",
    "Copenhagen": "Denmark",
    "Helsinki": "Finland",
    "Minsk": "Belarus",
    "Tbilisi": "Georgia",
    "Yerevan": "Armenia",
    "Baku": "Azerbaijan",
    "Athens": "Greece",
    "Belgrade": "Serbia",
    "Bucharest": "Romania",
    "Sofia": "Bulgaria",
    "Dublin": "Ireland",
    "Pretoria": "South Africa",
    "Abuja": "Nigeria",
    "Nairobi": "Kenya",
    "Addis Ababa": "Ethiopia",
    "Khartoum": "Sudan",
    "Tripoli": "Libya",
    "Tunis": "Tunisia",
    "Algiers": "Algeria",
    "Rabat": "Morocco",
    "Dhaka": "Bangladesh",
    "Colombo": "Sri Lanka",
    "Kathmandu": "Nepal",
    "Naypyidaw": "Myanmar",
    "Phnom Penh": "Cambodia",
    "Kuala Lumpur": "Malaysia",
    "Singapore": "Singapore",
}

# U.S. states with their AP-style and postal abbreviations: "D-N.M." is New Mexico.
US_STATES = {
    "Alabama": ["Ala.", "AL"],
    "Alaska": ["AK"],
    "Arizona": ["Ariz.", "AZ"],
    "Arkansas": ["Ark.", "AR"],
    "California": ["Calif.", "CA"],
    "Colorado": ["Colo.", "CO"],
    "Connecticut": ["Conn.", "CT"],
    "Delaware": ["Del.", "DE"],
    "Florida": ["Fla.", "FL"],
    "Georgia": ["Ga.", "GA"],
    "Hawaii": ["HI"],
    "Idaho": ["ID"],
    "Illinois": ["Ill.", "IL"],
    "Indiana": ["Ind.", "IN"],
    "Iowa": ["IA"],
    "Kansas": ["Kan.", "Kans.", "KS"],
    "Kentucky": ["Ky.", "KY"],
    "Louisiana": ["La.", "LA"],
    "Maine": ["ME"],
    "Maryland": ["Md.", "MD"],
    "Massachusetts": ["Mass.", "MA"],
    "Michigan": ["Mich.", "MI"],
    "Minnesota": ["Minn.", "MN"],
    "Mississippi": ["Miss.", "MS"],
    "Missouri": ["Mo.", "MO"],
    "Montana": ["Mont.", "MT"],
    "Nebraska": ["Neb.", "Nebr.", "NE"],
    "Nevada": ["Nev.", "NV"],
    "New Hampshire": ["N.H.", "NH"],
    "New Jersey": ["N.J.", "NJ"],
    "New Mexico": ["N.M.", "NM"],
    "New York": ["N.Y.", "NY"],
    "North Carolina": ["N.C.", "NC"],
    "North Dakota": ["N.D.", "ND"],
    "Ohio": ["OH"],
    "Oklahoma": ["Okla.", "OK"],
    "Oregon": ["Ore.", "Oreg.", "OR"],
    "Pennsylvania": ["Pa.", "Penn.", "PA"],
    "Rhode Island": ["R.I.", "RI"],
    "South Carolina": ["S.C.", "SC"],
    "South Dakota": ["S.D.", "SD"],
    "Tennessee": ["Tenn.", "TN"],
    "Texas": ["Tex.", "TX"],
    "Utah": ["UT"],
    "Vermont": ["Vt.", "VT"],
    "Virginia": ["Va.", "VA"],
    "Washington": ["Wash.", "WA"],
    "West Virginia": ["W.Va.", "W.V.", "WV"],
    "Wisconsin": ["Wis.", "Wisc.", "WI"],
    "Wyoming": ["Wyo.", "WY"],
    "District of Columbia": ["D.C.", "DC"],
}
# "D-N.M.", "R-Tenn.", "I-Vt.": a legislator's party and state.
PARTY_STATE = re.compile(r"^[DRI]-(?P<state>[A-Z][A-Za-z.]{1,8})$")
STATE_ABBREVIATIONS = {
    abbreviation: state
    for state, abbreviations in US_STATES.items()
    for abbreviation in abbreviations
    if "." in abbreviation
}

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
    # National news agencies and other outlets often relayed, with the names copy uses.
    ("Asian News International", SourceKind.OUTLET, ["ANI"]),
    ("Indo-Asian News Service", SourceKind.OUTLET, ["IANS"]),
    ("United News of India", SourceKind.OUTLET, ["UNI"]),
    ("Islamic Republic News Agency", SourceKind.OUTLET, ["IRNA"]),
    ("Fars News Agency", SourceKind.OUTLET, ["Fars"]),
    ("Tasnim News Agency", SourceKind.OUTLET, ["Tasnim"]),
    ("Anadolu Agency", SourceKind.OUTLET, ["Anadolu"]),
    ("ANSA", SourceKind.OUTLET, []),
    ("EFE", SourceKind.OUTLET, ["Agencia EFE"]),
    ("Europa Press", SourceKind.OUTLET, []),
    ("Australian Associated Press", SourceKind.OUTLET, ["AAP"]),
    ("The Canadian Press", SourceKind.OUTLET, ["Canadian Press"]),
    ("PA Media", SourceKind.OUTLET, ["Press Association", "PA news agency"]),
    ("Jiji Press", SourceKind.OUTLET, ["Jiji"]),
    ("NHK", SourceKind.OUTLET, []),
    ("Korean Central News Agency", SourceKind.OUTLET, ["KCNA"]),
    ("Bernama", SourceKind.OUTLET, []),
    ("Antara", SourceKind.OUTLET, []),
    ("Vietnam News Agency", SourceKind.OUTLET, ["VNA"]),
    ("Philippine News Agency", SourceKind.OUTLET, []),
    ("Saudi Press Agency", SourceKind.OUTLET, ["SPA"]),
    ("Emirates News Agency", SourceKind.OUTLET, ["WAM"]),
    ("Qatar News Agency", SourceKind.OUTLET, ["QNA"]),
    ("Kuwait News Agency", SourceKind.OUTLET, ["KUNA"]),
    ("Middle East News Agency", SourceKind.OUTLET, ["MENA"]),
    ("Syrian Arab News Agency", SourceKind.OUTLET, ["SANA"]),
    ("WAFA", SourceKind.OUTLET, []),
    ("Ukrinform", SourceKind.OUTLET, []),
    ("UNIAN", SourceKind.OUTLET, []),
    ("BelTA", SourceKind.OUTLET, []),
    ("Polish Press Agency", SourceKind.OUTLET, ["PAP"]),
    ("Czech News Agency", SourceKind.OUTLET, ["CTK"]),
    ("China News Service", SourceKind.OUTLET, []),
    ("CGTN", SourceKind.OUTLET, []),
    ("Global Times", SourceKind.OUTLET, []),
    ("Prensa Latina", SourceKind.OUTLET, []),
    ("Notimex", SourceKind.OUTLET, []),
    ("Al Arabiya", SourceKind.OUTLET, []),
    ("RTÉ", SourceKind.OUTLET, ["RTE"]),
    ("ITV News", SourceKind.OUTLET, ["ITV"]),
    ("Nikkei", SourceKind.OUTLET, ["Nikkei Asia"]),
    ("South China Morning Post", SourceKind.OUTLET, ["SCMP"]),
    ("The Straits Times", SourceKind.OUTLET, ["Straits Times"]),
    ("The Globe and Mail", SourceKind.OUTLET, ["Globe and Mail"]),
    ("Le Monde", SourceKind.OUTLET, []),
    ("Der Spiegel", SourceKind.OUTLET, []),
    ("Haaretz", SourceKind.OUTLET, []),
    ("The Times of India", SourceKind.OUTLET, ["Times of India"]),
    ("The Hindu", SourceKind.OUTLET, []),
    # More outlets of the world, as copy names them. Not one whose name is also a common
    # word, a place, a people or a surname ("The Atlantic", "The Australian", "Forbes").
    ("The Sunday Times", SourceKind.OUTLET, ["Sunday Times"]),
    ("The Sunday Telegraph", SourceKind.OUTLET, ["Sunday Telegraph"]),
    ("The Mail on Sunday", SourceKind.OUTLET, ["Mail on Sunday"]),
    ("Daily Mirror", SourceKind.OUTLET, ["The Mirror", "The Daily Mirror"]),
    ("Evening Standard", SourceKind.OUTLET, ["London Evening Standard", "The Evening Standard"]),
    ("The Scotsman", SourceKind.OUTLET, []),
    ("The Irish Times", SourceKind.OUTLET, ["Irish Times"]),
    ("Irish Independent", SourceKind.OUTLET, ["The Irish Independent"]),
    ("Irish Examiner", SourceKind.OUTLET, ["The Irish Examiner"]),
    ("TheJournal.ie", SourceKind.OUTLET, []),
    ("Newstalk", SourceKind.OUTLET, []),
    ("LBC", SourceKind.OUTLET, []),
    ("Channel 4 News", SourceKind.OUTLET, ["Channel 4"]),
    ("GB News", SourceKind.OUTLET, []),
    ("Times Radio", SourceKind.OUTLET, []),
    ("Deutsche Welle", SourceKind.OUTLET, ["DW"]),
    ("Handelsblatt", SourceKind.OUTLET, []),
    ("Die Zeit", SourceKind.OUTLET, []),
    ("Die Welt", SourceKind.OUTLET, []),
    ("Frankfurter Allgemeine Zeitung", SourceKind.OUTLET, ["FAZ"]),
    ("Süddeutsche Zeitung", SourceKind.OUTLET, []),
    ("Bild", SourceKind.OUTLET, ["Bild am Sonntag"]),
    ("Deutschlandfunk", SourceKind.OUTLET, []),
    ("ARD", SourceKind.OUTLET, []),
    ("ZDF", SourceKind.OUTLET, []),
    ("Funke Mediengruppe", SourceKind.OUTLET, ["Funke", "Funke media group", "Funke Media Group"]),
    ("RedaktionsNetzwerk Deutschland", SourceKind.OUTLET, ["RND"]),
    ("Tagesspiegel", SourceKind.OUTLET, ["Der Tagesspiegel"]),
    ("Le Figaro", SourceKind.OUTLET, []),
    ("Libération", SourceKind.OUTLET, ["Liberation"]),
    ("Le Parisien", SourceKind.OUTLET, []),
    ("Les Echos", SourceKind.OUTLET, []),
    ("BFMTV", SourceKind.OUTLET, ["BFM TV"]),
    ("France 24", SourceKind.OUTLET, []),
    ("Radio France Internationale", SourceKind.OUTLET, ["RFI"]),
    ("Franceinfo", SourceKind.OUTLET, ["France Info"]),
    ("TF1", SourceKind.OUTLET, []),
    ("Ouest-France", SourceKind.OUTLET, []),
    ("Le Journal du Dimanche", SourceKind.OUTLET, ["JDD"]),
    ("Corriere della Sera", SourceKind.OUTLET, []),
    ("La Repubblica", SourceKind.OUTLET, []),
    ("La Stampa", SourceKind.OUTLET, []),
    ("RAI", SourceKind.OUTLET, []),
    ("El País", SourceKind.OUTLET, ["El Pais"]),
    ("El Mundo", SourceKind.OUTLET, []),
    ("RTVE", SourceKind.OUTLET, []),
    ("NOS", SourceKind.OUTLET, []),
    ("De Telegraaf", SourceKind.OUTLET, []),
    ("NRK", SourceKind.OUTLET, []),
    ("SVT", SourceKind.OUTLET, []),
    ("Yle", SourceKind.OUTLET, ["YLE"]),
    ("Neue Zürcher Zeitung", SourceKind.OUTLET, ["NZZ"]),
    ("Politico Europe", SourceKind.OUTLET, []),
    ("Euractiv", SourceKind.OUTLET, ["EURACTIV"]),
    ("Euronews", SourceKind.OUTLET, []),
    ("Meduza", SourceKind.OUTLET, []),
    ("Vedomosti", SourceKind.OUTLET, []),
    ("Izvestia", SourceKind.OUTLET, []),
    ("Novaya Gazeta", SourceKind.OUTLET, []),
    ("Radio Free Europe/Radio Liberty", SourceKind.OUTLET, ["RFE/RL", "Radio Liberty"]),
    ("Radio Free Asia", SourceKind.OUTLET, ["RFA"]),
    ("Voice of America", SourceKind.OUTLET, ["VOA"]),
    ("Azattyk", SourceKind.OUTLET, []),
    ("24.kg", SourceKind.OUTLET, []),
    ("AKIpress", SourceKind.OUTLET, []),
    ("Kun.uz", SourceKind.OUTLET, []),
    ("Eurasianet", SourceKind.OUTLET, []),
    ("Ukrainska Pravda", SourceKind.OUTLET, []),
    ("Suspilne", SourceKind.OUTLET, []),
    ("The Kyiv Independent", SourceKind.OUTLET, ["Kyiv Independent"]),
    ("Kyiv Post", SourceKind.OUTLET, []),
    ("Interfax-Ukraine", SourceKind.OUTLET, []),
    ("The Times of Israel", SourceKind.OUTLET, ["Times of Israel"]),
    ("The Jerusalem Post", SourceKind.OUTLET, ["Jerusalem Post"]),
    ("Ynet", SourceKind.OUTLET, ["Ynetnews"]),
    ("Al-Ahram", SourceKind.OUTLET, ["Al Ahram"]),
    ("Asharq Al-Awsat", SourceKind.OUTLET, []),
    ("Press TV", SourceKind.OUTLET, []),
    ("Mehr News Agency", SourceKind.OUTLET, ["Mehr"]),
    ("ISNA", SourceKind.OUTLET, []),
    ("Middle East Eye", SourceKind.OUTLET, []),
    ("Gulf News", SourceKind.OUTLET, []),
    ("Arab News", SourceKind.OUTLET, []),
    ("Press Trust of India", SourceKind.OUTLET, ["PTI"]),
    ("NDTV", SourceKind.OUTLET, []),
    ("The Indian Express", SourceKind.OUTLET, ["Indian Express"]),
    ("Hindustan Times", SourceKind.OUTLET, []),
    ("India Today", SourceKind.OUTLET, []),
    ("Geo News", SourceKind.OUTLET, []),
    ("The Express Tribune", SourceKind.OUTLET, ["Express Tribune"]),
    ("The Asahi Shimbun", SourceKind.OUTLET, ["Asahi Shimbun", "Asahi"]),
    ("The Yomiuri Shimbun", SourceKind.OUTLET, ["Yomiuri Shimbun", "Yomiuri"]),
    ("The Mainichi", SourceKind.OUTLET, ["Mainichi Shimbun", "Mainichi"]),
    ("The Japan Times", SourceKind.OUTLET, ["Japan Times"]),
    ("The Chosun Ilbo", SourceKind.OUTLET, ["Chosun Ilbo"]),
    ("JoongAng Ilbo", SourceKind.OUTLET, ["Korea JoongAng Daily"]),
    ("The Korea Herald", SourceKind.OUTLET, ["Korea Herald"]),
    ("KBS", SourceKind.OUTLET, []),
    ("People's Daily", SourceKind.OUTLET, []),
    ("CCTV", SourceKind.OUTLET, ["China Central Television"]),
    ("China Daily", SourceKind.OUTLET, []),
    ("Caixin", SourceKind.OUTLET, []),
    ("Channel NewsAsia", SourceKind.OUTLET, ["CNA"]),
    ("Bangkok Post", SourceKind.OUTLET, []),
    ("Philippine Daily Inquirer", SourceKind.OUTLET, []),
    ("Rappler", SourceKind.OUTLET, []),
    ("The Jakarta Post", SourceKind.OUTLET, ["Jakarta Post"]),
    ("Malaysiakini", SourceKind.OUTLET, []),
    ("News24", SourceKind.OUTLET, []),
    ("Channels Television", SourceKind.OUTLET, ["Channels TV"]),
    ("Arise News", SourceKind.OUTLET, ["Arise TV"]),
    ("Emarat Al Youm", SourceKind.OUTLET, []),
    ("Cadena SER", SourceKind.OUTLET, []),
    ("Cadena COPE", SourceKind.OUTLET, []),
    ("RTVE", SourceKind.OUTLET, ["Radiotelevisión Española"]),
    ("eNCA", SourceKind.OUTLET, []),
    ("SABC", SourceKind.OUTLET, ["South African Broadcasting Corporation"]),
    ("Daily Maverick", SourceKind.OUTLET, []),
    ("Mail & Guardian", SourceKind.OUTLET, ["Mail and Guardian"]),
    ("Newzroom Afrika", SourceKind.OUTLET, []),
    ("Premium Times", SourceKind.OUTLET, []),
    ("Daily Nation", SourceKind.OUTLET, []),
    ("Australian Broadcasting Corporation", SourceKind.OUTLET, []),
    ("SBS", SourceKind.OUTLET, ["SBS News"]),
    ("The Sydney Morning Herald", SourceKind.OUTLET, ["Sydney Morning Herald"]),
    ("Radio New Zealand", SourceKind.OUTLET, ["RNZ"]),
    ("The New Zealand Herald", SourceKind.OUTLET, ["New Zealand Herald", "NZ Herald"]),
    ("TVNZ", SourceKind.OUTLET, ["1News"]),
    ("Newshub", SourceKind.OUTLET, []),
    ("CBC News", SourceKind.OUTLET, ["CBC", "Canadian Broadcasting Corporation"]),
    ("CTV News", SourceKind.OUTLET, ["CTV"]),
    ("Global News", SourceKind.OUTLET, []),
    ("Toronto Star", SourceKind.OUTLET, ["The Toronto Star"]),
    ("National Post", SourceKind.OUTLET, []),
    ("La Presse", SourceKind.OUTLET, []),
    ("Radio-Canada", SourceKind.OUTLET, []),
    ("Los Angeles Times", SourceKind.OUTLET, ["L.A. Times", "LA Times"]),
    ("Chicago Tribune", SourceKind.OUTLET, []),
    ("The Boston Globe", SourceKind.OUTLET, ["Boston Globe"]),
    ("San Francisco Chronicle", SourceKind.OUTLET, []),
    ("The New Yorker", SourceKind.OUTLET, []),
    ("Business Insider", SourceKind.OUTLET, []),
    ("CNBC", SourceKind.OUTLET, []),
    ("PBS NewsHour", SourceKind.OUTLET, ["PBS"]),
    ("ProPublica", SourceKind.OUTLET, []),
    ("Semafor", SourceKind.OUTLET, []),
    ("Punchbowl News", SourceKind.OUTLET, []),
    ("TechCrunch", SourceKind.OUTLET, []),
    ("The Verge", SourceKind.OUTLET, []),
    ("Ars Technica", SourceKind.OUTLET, []),
    ("STAT", SourceKind.OUTLET, ["STAT News"]),
    ("ESPN", SourceKind.OUTLET, []),
    ("Sky Sports", SourceKind.OUTLET, []),
    ("Law360", SourceKind.OUTLET, []),
    ("Bloomberg Law", SourceKind.OUTLET, []),
    ("The Intercept", SourceKind.OUTLET, []),
    ("Yahoo News", SourceKind.OUTLET, []),
    ("Fox Business", SourceKind.OUTLET, []),
    ("C-SPAN", SourceKind.OUTLET, []),
    ("Science Media Centre", SourceKind.OUTLET, ["Science Media Center"]),
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
    ("Joint Chiefs of Staff", SourceKind.GOVERNMENT, ["JCS"]),
    ("NATO", SourceKind.ORGANISATION, ["North Atlantic Treaty Organization"]),
    ("United Nations", SourceKind.ORGANISATION, ["UN", "U.N."]),
    ("European Union", SourceKind.ORGANISATION, ["EU", "E.U."]),
    ("World Health Organization", SourceKind.ORGANISATION, ["WHO"]),
    ("G-20", SourceKind.ORGANISATION, ["G20", "Group of 20"]),
    ("G-7", SourceKind.ORGANISATION, ["G7", "Group of Seven"]),
    ("International Monetary Fund", SourceKind.ORGANISATION, ["IMF"]),
    ("World Bank", SourceKind.ORGANISATION, []),
    ("European Commission", SourceKind.GOVERNMENT, []),
    ("European Parliament", SourceKind.GOVERNMENT, []),
    ("African Union", SourceKind.ORGANISATION, ["AU"]),
    ("Red Cross", SourceKind.ORGANISATION, ["International Committee of the Red Cross", "ICRC"]),
    ("Red Crescent", SourceKind.ORGANISATION, []),
    ("Amnesty International", SourceKind.ORGANISATION, []),
    ("Save the Children", SourceKind.ORGANISATION, []),
    ("Human Rights Watch", SourceKind.ORGANISATION, []),
    ("American Civil Liberties Union", SourceKind.ORGANISATION, ["ACLU"]),
    # Parties and legislatures, as news copy names them.
    ("Democratic Party", SourceKind.ORGANISATION, ["Democrats", "Democrat", "Democratic"]),
    ("Republican Party", SourceKind.ORGANISATION, ["Republicans", "Republican", "GOP"]),
    ("Labour Party", SourceKind.ORGANISATION, ["Labour"]),
    ("Conservative Party", SourceKind.ORGANISATION, ["Conservatives", "Tories"]),
    ("Senate", SourceKind.GOVERNMENT, ["U.S. Senate"]),
    ("House of Representatives", SourceKind.GOVERNMENT, ["House", "U.S. House"]),
    ("Parliament", SourceKind.GOVERNMENT, []),
    ("House of Commons", SourceKind.GOVERNMENT, ["Commons"]),
    ("House of Lords", SourceKind.GOVERNMENT, []),
    # Well-known agencies, with the abbreviations copy uses for them.
    ("Food and Drug Administration", SourceKind.GOVERNMENT, ["FDA"]),
    ("Securities and Exchange Commission", SourceKind.GOVERNMENT, ["SEC"]),
    ("Centers for Disease Control and Prevention", SourceKind.GOVERNMENT, ["CDC"]),
    ("Federal Emergency Management Agency", SourceKind.GOVERNMENT, ["FEMA"]),
    ("Environmental Protection Agency", SourceKind.GOVERNMENT, ["EPA"]),
    ("Internal Revenue Service", SourceKind.GOVERNMENT, ["IRS"]),
    ("Federal Aviation Administration", SourceKind.GOVERNMENT, ["FAA"]),
    ("Department of Homeland Security", SourceKind.GOVERNMENT, ["DHS"]),
    ("Federal Trade Commission", SourceKind.GOVERNMENT, ["FTC"]),
    ("Federal Communications Commission", SourceKind.GOVERNMENT, ["FCC"]),
    ("National Institutes of Health", SourceKind.GOVERNMENT, ["NIH"]),
    ("European Space Agency", SourceKind.ORGANISATION, ["ESA"]),
    ("Home Office", SourceKind.GOVERNMENT, []),
    # Platforms where statements are posted.
    ("Facebook", SourceKind.ORGANISATION, []),
    ("Instagram", SourceKind.ORGANISATION, []),
    ("YouTube", SourceKind.ORGANISATION, []),
    ("TikTok", SourceKind.ORGANISATION, []),
    ("Telegram", SourceKind.ORGANISATION, []),
    ("WhatsApp", SourceKind.ORGANISATION, []),
    ("LinkedIn", SourceKind.ORGANISATION, []),
    ("Bluesky", SourceKind.ORGANISATION, []),
    ("Truth Social", SourceKind.ORGANISATION, []),
]

# Places: canonical name and aliases. A country that speaks ("Russia announced") is its
# government; a country that is mentioned is a place.
PLACES = [
    ("United States", ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"]),
    ("United Kingdom", ["U.K.", "UK", "Britain", "Great Britain"]),
    ("Russia", ["Russian Federation"]),
    ("Korean Peninsula", []),
    ("United Arab Emirates", ["UAE", "U.A.E."]),
    ("Netherlands", ["the Netherlands", "Holland"]),
    ("Czech Republic", ["Czechia"]),
    ("The Hague", ["Hague"]),
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
        "Virginia,West Virginia,Wisconsin,Wyoming,Silicon Valley,Wall Street,District of Columbia,"
        # Capitals and other large cities, and regions news copy often names.
        "Abu Dhabi,Abuja,Accra,Addis Ababa,Algiers,Amman,Antananarivo,Ashgabat,Asmara,Astana,"
        "Asuncion,Baku,Bamako,Bangui,Banjul,Belgrade,Bern,Bishkek,Bratislava,Bucharest,"
        "Budapest,Bujumbura,Canberra,Chisinau,Colombo,Conakry,Dakar,Dhaka,Dili,Dodoma,"
        "Dushanbe,Freetown,Gaborone,Georgetown,Guatemala City,Harare,Juba,Kampala,Kathmandu,"
        "Khartoum,Kigali,Kinshasa,Kuala Lumpur,La Paz,Libreville,Lilongwe,Ljubljana,Lome,"
        "Luanda,Lusaka,Malabo,Managua,Manama,Maputo,Maseru,Mbabane,Mogadishu,Monrovia,"
        "Montevideo,Muscat,Naypyidaw,Niamey,Nicosia,Nouakchott,Nuku'alofa,Ouagadougou,"
        "Panama City,Paramaribo,Phnom Penh,Podgorica,Port Louis,Port Moresby,Port-au-Prince,"
        "Porto-Novo,Praia,Pretoria,Quito,Rabat,Reykjavik,Riga,San Jose,San Salvador,Sana'a,"
        "Sanaa,Santo Domingo,Sarajevo,Skopje,Sofia,Suva,Tallinn,Tashkent,Tbilisi,Tegucigalpa,"
        "Tirana,Tripoli,Tunis,Ulaanbaatar,Valletta,Vientiane,Vilnius,Windhoek,Yaounde,Yerevan,"
        "Zagreb,Wellington,Kingston,Nassau,Bridgetown,Castries,Belmopan,"
        "Munich,Frankfurt,Hamburg,Milan,Naples,Barcelona,Marseille,Lyon,Porto,Birmingham,"
        "Glasgow,Liverpool,Belfast,Cardiff,Krakow,Odesa,Odessa,Kharkiv,Lviv,"
        "St. Louis,San Diego,San Antonio,Austin,Portland,Minneapolis,Pittsburgh,Cleveland,"
        "Cincinnati,Sacramento,Nashville,Memphis,Milwaukee,Kansas City,Honolulu,Anchorage,"
        "Karachi,Lahore,Kolkata,Chennai,Bangalore,Hyderabad,Ho Chi Minh City,Osaka,Guangzhou,"
        "Shenzhen,Wuhan,Chongqing,Busan,Jeddah,Mecca,Basra,Kandahar,Benghazi,Alexandria,"
        "Casablanca,Kano,Mombasa,Cape Town,Durban,Gaza City,Ramallah,Haifa,Homs,Sahara,"
        "Alps,Himalayas,Andes,Mediterranean,Black Sea,Baltic,North Sea,Red Sea,"
        "South China Sea,East China Sea,Persian Gulf,Gulf of Mexico,Horn of Africa,"
        "Central America,Central Asia,Southeast Asia,East Asia,South Asia,West Africa,"
        "East Africa,Midwest,New England,Patagonia,Siberia,Earth"
    ).split(",")
]
COUNTRIES = frozenset(
    normalize_name(name)
    for name in PLACE_NAMES[: PLACE_NAMES.index("Europe")]
    + [alias for _, aliases in PLACES for alias in aliases]
    + [name for name, _ in PLACES]
)


def _is_acronym(text):
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 1 < len(letters) <= 6 and letters.isupper()


def _index_known():
    index, acronyms = {}, set()
    for name, kind, aliases in KNOWN_NAMES:
        for each in [name, *aliases]:
            index.setdefault(normalize_name(each), (name, kind, aliases))
            if _is_acronym(each):
                acronyms.add(normalize_name(each))
    return index, frozenset(acronyms)


def _index_places():
    index = {}
    for name in PLACE_NAMES:
        index.setdefault(normalize_name(name), (name, []))
    for name, aliases in PLACES:
        for each in [name, *aliases]:
            index[normalize_name(each)] = (name, aliases)
    return index


KNOWN, _KNOWN_ACRONYMS = _index_known()
_KNOWN_SPELLINGS = frozenset(each for name, _, aliases in KNOWN_NAMES for each in [name, *aliases])
PLACE_INDEX = _index_places()


@lru_cache(maxsize=16384)
def known_name(name):
    """(canonical name, kind, aliases) of a well-known outlet or body, or None."""
    key = normalize_name(name)
    if key in _KNOWN_ACRONYMS:
        # "WHO" is the World Health Organization; "who" is a pronoun; "dpa" writes itself so.
        bare = re.sub(r"^(?:the|The)\s+", "", str(name).strip())
        if not _is_acronym(bare) and bare not in _KNOWN_SPELLINGS:
            return None
    return KNOWN.get(key)


def canonical_outlet_name(name):
    """The name an outlet is known by: "AP" and "the Associated Press" give the same."""
    known = known_name(name)
    return known[0] if known else " ".join(str(name).split())


def outlet_family(name):
    """The outlet a programme or service belongs to, by its known name: "BBC" for "BBC Radio
    4" and "BBC News", "RTÉ" for "RTÉ's Morning Ireland"; else the name itself."""
    words = re.sub(r"['’]s\b", "", " ".join(str(name).split())).split()
    for size in range(len(words), 0, -1):
        known = known_name(" ".join(words[:size]))
        if known and known[1] == SourceKind.OUTLET:
            return known[0]
    return " ".join(words)


# Words that begin the names of events: "Hurricane Delia", "Operation Iron Shield".
EVENT_PREFIXES = _words("hurricane typhoon cyclone storm operation")
