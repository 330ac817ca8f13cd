"""Key words for identifiers in other languages (generated once from the key-word research in
/tmp/phikeys/keys.json; edit by hand from now on).

Plain literal strings, per identifier type: `phi.py` escapes them and compiles them into its
alternations, longest first. Only keys judged low-risk (rarely before a clinical number) are here;
the `_CASED` tuples are matched case-sensitively (acronyms: "OIB", not "oib"). Short keys that are
also clinical abbreviations (CI, CC, HC, CF, TC, RM, CNS, PID...) are not here: `phi.py` gates them
on the value's national format.
"""

from __future__ import annotations

SSN: tuple[str, ...] = (
    # Spanish
    "documento nacional de identidad",
    "nro. de documento",
    "N° de documento",
    "tipo y número de documento",
    "cédula de identidad",
    "cédula de ciudadanía",
    "tarjeta de identidad",
    "Rol Único Nacional",
    "Rol Único Tributario",
    "clave de elector",
    "credencial de elector",
    "credencial del INE",
    "carné de extranjería",
    "carnet de extranjería",
    "número de identificación",
    "número de la Seguridad Social",
    # Portuguese
    "carteira de identidade",
    "título de eleitor",
    "cartão de cidadão",
    "bilhete de identidade",
    "número de contribuinte",
    # French
    "carte d'identité",
    "carte nationale d'identité",
    "pièce d'identité",
    "numéro national",
    "registre national",
    "numéro d'assurance sociale",
    "n° INSEE",
    "matricule INS",
    # Italian
    "carta d'identità",
    # German
    "Steueridentifikationsnummer",
    "IdNr",
    "Personalausweis",
    "Personalausweisnummer",
    "Ausweisnummer",
    "Ausweis-Nr.",
    "SV-Nummer",
    "SV-Nr.",
    "Rentenversicherungsnummer",
    "AHV-Nr.",
    "AHV-Nummer",
    "Steuernummer",
    # Dutch
    "sofinummer",
    "sofi-nummer",
    "rijksregister",
    "identiteitskaart",
    "ID-kaart",
    # Danish
    "CPR-nr.",
    "cpr.nr.",
    # Swedish
    "personnr",
    "samordningsnummer",
    # Norwegian
    "fnr",
    "f.nr.",
    "D-nummer",
    # Icelandic
    "kennitala",
    "kennitölu",
    # Finnish
    "sotu",
    "sosiaaliturvatunnus",
    # Estonian
    "isikukood",
    "isikukoodiga",
    # Latvian
    "personas kods",
    # Lithuanian
    "asmens kodas",
    # Polish
    "numer dowodu",
    "nr dowodu",
    "dowód osobisty",
    # Czech
    "r.č.",
    "rodné č.",
    "číslo OP",
    "občanský průkaz",
    # Slovak
    "občiansky preukaz",
    # Hungarian
    "személyi szám",
    "személyi igazolvány",
    "szig. szám",
    "adóazonosító jel",
    "adóazonosító",
    # Romanian
    "cod numeric personal",
    "carte de identitate",
    # Bulgarian
    "ЕГН",
    "ЛНЧ",
    "лична карта",
    # Serbian
    "JMBG",
    "ЈМБГ",
    "матични број",
    "lična karta",
    # Macedonian
    "ЕМБГ",
    # Croatian
    "OIB",
    "osobna iskaznica",
    # Slovene
    "EMŠO",
    "davčna številka",
    "osebna izkaznica",
    # Albanian
    "numri personal",
    "nr. personal",
    "letërnjoftim",
    "kartë identiteti",
    # Greek
    "ΑΔΤ",
    "Α.Δ.Τ.",
    "αρ. ταυτότητας",
    "ΑΦΜ",
    "Α.Φ.Μ.",
    "Α.Μ.Κ.Α.",
    # Turkish
    "TCKN",
    "TC No",
    "T.C. Kimlik No",
    "kimlik numarası",
    "nüfus cüzdanı",
    "vergi numarası",
    # Russian
    "паспорт",
    "серия и номер паспорта",
    "паспортные данные",
    "ИИН",
    "ПИНФЛ",
    # Ukrainian
    "ІПН",
    "ідентифікаційний код",
    "ідентифікаційний номер",
    "УНЗР",
    "ID-картка",
    # Mongolian
    "регистрийн дугаар",
    # Georgian
    "პირადი ნომერი",
    "პ/ნ",
    # Armenian
    "ՀԾՀ",
    # Arabic
    "الرقم الوطني",
    "الرقم القومي",
    "رقم الهوية",
    "الهوية الوطنية",
    "بطاقة الهوية",
    "رقم الإقامة",
    "الرقم المدني",
    "البطاقة الشخصية",
    "بطاقة التعريف الوطنية",
    "رقم التعريف الوطني",
    "الهوية الإماراتية",
    "بطاقة التعريف",
    "بطاقة الهوية",
    "رقم الهوية",
    "رقم البطاقة الوطنية",
    # Armenian, Georgian, Amharic
    "սոցիալական քարտ",
    "անձնագիր",
    "პირადი ნომერი",
    "პ/ნ",
    "የመታወቂያ ቁጥር",
    # English (other countries)
    "iqama",
    "Civil ID",
    "civil number",
    "national code",
    "national number",
    "national no",
    "national no.",
    "personal code",
    "personal number",
    "personal no",
    "personal no.",
    "personal ID code",
    "ID code",
    "identity code",
    "social card",
    "kt.",
    "carné de identidad",
    "carnet de identidad",
    "tazkira",
    "B-Form",
    "no. IC",
    "MyKid",
    "MyPR",
    "PhilSys",
    "PhilID",
    "GSIS",
    "Fayda",
    "Huduma Namba",
    "Maisha Namba",
    "KRA PIN",
    "identity document",
    "IRD number",
    "social security number",
    "SSNIT",
    "Centrelink",
    "Aadhaar no",
    "PAN card",
    # Persian
    "کد ملی",
    "کدملی",
    "شماره ملی",
    "کارت ملی",
    "شماره شناسنامه",
    "تذکره",
    # Urdu
    "شناختی کارڈ",
    "شناختی کارڈ نمبر",
    "قومی شناختی کارڈ",
    # Hindi
    "आधार नंबर",
    "आधार संख्या",
    "आधार कार्ड",
    "पैन कार्ड",
    "मतदाता पहचान पत्र",
    # Bengali
    "পরিচয়পত্র",
    "জাতীয় পরিচয়পত্র",
    "এনআইডি",
    "আধার",
    "জন্ম নিবন্ধন",
    # Punjabi
    "ਆਧਾਰ",
    # Tamil
    "ஆதார்",
    "அடையாள அட்டை",
    "தேசிய அடையாள அட்டை",
    # Sinhala
    "ජා.හැ.අ.",
    "ජාතික හැඳුනුම්පත",
    "හැඳුනුම්පත් අංකය",
    # Nepali
    "नागरिकता",
    "राष्ट्रिय परिचयपत्र",
    # Thai
    "เลขบัตรประชาชน",
    "บัตรประชาชน",
    "เลขประจำตัวประชาชน",
    "บัตร ปชช.",
    # Vietnamese
    "CCCD",
    "CMND",
    "căn cước công dân",
    "căn cước",
    "chứng minh nhân dân",
    "số định danh",
    "mã số thuế",
    # Indonesian
    "e-KTP",
    "NPWP",
    "no. KTP",
    # Malay
    "kad pengenalan",
    # Chinese
    "身份证号码",
    # Chinese (traditional)
    "身分證號碼",
    "身份證號碼",
    "身份證",
    "香港身份證",
    "統一證號",
    # Japanese
    "外国人登録番号",
    "在留カード番号",
    # Korean
    "외국인등록번호",
    "마이넘버",
    # Amharic
    "ፋይዳ",
    "የቀበሌ መታወቂያ",
    "መታወቂያ",
    # Swahili
    "kitambulisho",
    "kitambulisho cha taifa",
    "namba ya kitambulisho",
    # Hausa
    "katin shaida",
    "lambar NIN",
    # Burmese
    "မှတ်ပုံတင်",
    # Khmer
    "អត្តសញ្ញាណប័ណ្ណ",
    "អត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ",
    # Hebrew
    'ת"ז',
    "ת״ז",
    "מספר זהות",
    "מס' זהות",
    # Welsh
    "rhif Yswiriant Gwladol",
    # Irish
    "uimhir PSP",
)
SSN_CASED: tuple[str, ...] = (
    # Spanish
    "D.N.I.",
    "NUIP",
    "R.U.T.",
    "RUN",
    "CUIL",
    "CUIT",
    "RUC",
    "NUSS",
    # Portuguese
    "R.G.",
    "PIS/PASEP",
    "NIT",
    "CC n.º",
    # French
    "NINA",
    "CNIE",
    # German
    "RVNR",
    # Dutch
    "INSZ",
    # Czech
    "RČ",
    # Romanian
    "IDNP",
    # Bulgarian
    "EGN",
    # Slovene
    "EMSO",
    # Turkish
    "YKN",
    "VKN",
    # English (other countries)
    "QID",
    "CIN",
    "TRN",
    "IIN",
    "RD",
    "РД",
    "NICOP",
    "PSN",
    "NIA",
    "NRC",
    "IRD",
)
MRN: tuple[str, ...] = (
    # English (other countries)
    "file no",
    "file no.",
    "history no",
    "history no.",
    "history number",
    "clinical history",
    # Serbian, Croatian, Bosnian; Amharic; Tamil
    "broj kartona",
    "broj istorije bolesti",
    "matični broj",
    "የካርድ ቁጥር",
    "மருத்துவமனை எண்",
    "MR no",
    "MR number",
    "MRD no",
    "IPD no",
    "IP no",
    "OP no",
    "admission number",
    "adm no",
    "hospital ID",
    "patient number",
    "PAS number",
    "episode number",
    "H&C number",
    "BHT no",
    "Hosp #",
    # Spanish
    "nº de historia",
    "número de historia",
    "ficha clínica",
    "N° de ficha",
    "número de expediente",
    "nº de episodio",
    "nº de ingreso",
    # Portuguese
    "processo clínico",
    "nº de processo",
    "N.º processo",
    "registro hospitalar",
    "nº do prontuário",
    # French
    "numéro de séjour",
    "n° de séjour",
    "numéro patient",
    "n° patient",
    "numéro d'hospitalisation",
    # Italian
    "n. cartella",
    "numero di ricovero",
    "n. ricovero",
    "codice paziente",
    "ID paziente",
    # German
    "Fall-Nr.",
    "FallNr",
    "Fall-ID",
    "Pat.-Nr.",
    "KG-Nr.",
    "Krankenblattnummer",
    # Dutch
    "ZIS-nummer",
    "EPD-nummer",
    "patiëntennummer",
    # Danish
    "journalnr",
    # Finnish
    "potilasnumero",
    "potilastunnus",
    # Estonian
    "haigusloo nr",
    "haiguslugu",
    # Latvian
    "slimības vēsture",
    "medicīniskā karte",
    # Lithuanian
    "ligos istorija",
    "ligos istorijos Nr.",
    # Polish
    "historii choroby",
    "historia choroby",
    "nr księgi głównej",
    "ID pacjenta",
    "numer pacjenta",
    # Czech
    "chorobopis",
    "číslo chorobopisu",
    "ID pacienta",
    # Hungarian
    "kórlapszám",
    "törzsszám",
    "betegazonosító",
    # Romanian
    "foaie de observație",
    # Bulgarian
    "история на заболяването",
    # Croatian
    "povijest bolesti",
    "matični broj bolesnika",
    # Serbian
    "istorija bolesti",
    "историја болести",
    # Albanian
    "kartela",
    "numri i kartelës",
    # Greek
    "αριθμός μητρώου",
    "αρ. φακέλου",
    "αριθμός εισαγωγής",
    # Turkish
    "protokol no",
    "protokol numarası",
    "protokol",
    "dosya no",
    "dosya numarası",
    "hasta no",
    "hasta numarası",
    "hasta kayıt no",
    "arşiv no",
    # Russian
    "номер истории болезни",
    "история болезни",
    "медкарта",
    "медицинская карта",
    "№ карты",
    "амбулаторная карта",
    # Ukrainian
    "історія хвороби",
    "медична карта",
    "номер медкарти",
    # Georgian
    "ავადმყოფობის ისტორია",
    "სამედიცინო ბარათი",
    # Armenian
    "հիվանդության պատմություն",
    # Mongolian
    "өвчний түүх",
    # Arabic
    "رقم الملف",
    "رقم الملف الطبي",
    "الملف الطبي",
    "رقم المريض",
    "رقم السجل الطبي",
    # Persian
    "شماره پرونده",
    "شماره پذیرش",
    # Urdu
    "ایم آر نمبر",
    # Hindi
    "मरीज़ आईडी",
    "ओपीडी नंबर",
    "आईपीडी नंबर",
    # Bengali
    "রোগীর আইডি",
    "ভর্তি নম্বর",
    # Tamil
    "நோயாளி எண்",
    # Nepali
    "दर्ता नं.",
    # Thai
    "เลขที่ผู้ป่วย",
    "เลข HN",
    "เวชระเบียน",
    "เลขที่เวชระเบียน",
    "เลขประจำตัวผู้ป่วย",
    # Vietnamese
    "số hồ sơ",
    "mã bệnh nhân",
    "mã BN",
    "mã số bệnh án",
    "số bệnh án",
    "số vào viện",
    "mã hồ sơ",
    # Indonesian
    "no. RM",
    "No.RM",
    "rekam medis",
    "rekam medik",
    "nomor rekam medis",
    # Malay
    "no. pendaftaran",
    # Chinese (traditional)
    "病歷號",
    "病歷號碼",
    "住院號",
    "門診號",
    "病人編號",
    "病案號",
    # Chinese
    "病历号码",
    "门诊号",
    "就诊卡号",
    "登记号",
    # Japanese
    "カルテNo",
    "患者番号",
    "ID番号",
    # Korean
    "차트번호",
    "환자 ID",
    # Swahili
    "namba ya faili",
    "namba ya mgonjwa",
    # Hebrew
    "מספר תיק",
    "מס' תיק",
    "תיק רפואי",
    "מספר מטופל",
    "מספר אשפוז",
    # Welsh
    "rhif ysbyty",
    "rhif GIG",
    # Irish
    "uimhir ospidéil",
)
MRN_CASED: tuple[str, ...] = (
    # English (other countries)
    "BHT",
    # Spanish
    "NHC",
    "NUHSA",
    # Portuguese
    "RGH",
    # Italian
    "SDO",
    # Romanian
    "FOCG",
    # Thai
    "HN",
)
HEALTH_PLAN: tuple[str, ...] = (
    # Vietnamese
    "BHYT",
    "thẻ BHYT",
    "mã thẻ BHYT",
    "số thẻ BHYT",
    "bảo hiểm y tế",
    # Chinese (traditional)
    "健保卡號",
    "健保卡",
    "健保號碼",
    # Chinese
    "医保卡号",
    "医保卡",
    "医保号",
    "社保卡号",
    "社保卡",
    "社会保障卡号",
    # Japanese
    "保険証番号",
    "被保険者番号",
    "記号番号",
    "保険証",
    # Korean
    "건강보험증 번호",
    "건강보험증",
    "건강보험 번호",
    # Indonesian
    "JKN",
    "no. BPJS",
    "kartu BPJS",
    # Hungarian (the social insurance number on the health card)
    "TAJ",
    "TAJ-szám",
    "TAJ szám",
    # English (other countries)
    "PhilHealth ID",
    "Health Equity Fund",
    "HEF card",
    "EPS card",
    "carné EPS",
    "NHF card",
    "JADEP card",
    "Chifa card",
    "carte Chifa",
    "CNAM card",
    "carte CNAM",
    "AMO card",
    "Tamin insurance",
    "H&C number",
    "H&C no",
    "RSBY",
    "ESIC no",
    "Sehat Sahulat",
    "NHIA",
    "enrollee ID",
    "enrolee number",
    "NHIS card",
    "medical aid",
    "medical aid number",
    "scheme number",
    "Medicare number",
    "health care card",
    "concession card",
    "pension card",
    "AHCIP",
    # Hindi
    "आयुष्मान कार्ड",
    # French
    "numéro d'assuré",
    "n° d'assuré",
    "n° de sécurité sociale",
    "numéro de mutuelle",
    "mutualité",
    "numéro d'assurance maladie",
    "carte d'assurance maladie",
    "carte soleil",
    "carte d'assuré",
    "numéro AVS",
    "caisse maladie",
    # Dutch
    "ziekenfonds",
    "mutualiteit",
    "polisnummer",
    "verzekerdennummer",
    "zorgverzekering",
    # Italian
    "cassa malati",
    "codice sanitario",
    # German
    "Versichertenkarte",
    "Versicherten-Nr.",
    "Krankenversichertennummer",
    "Gesundheitskarte",
    "e-card",
    # Spanish
    "CIP-SNS",
    "tarjeta sanitaria",
    "número de afiliación",
    "nº de afiliación",
    "MUFACE",
    "afiliado",
    "afiliada",
    "N° de afiliado",
    "obra social",
    "PAMI",
    "IOMA",
    "OSDE",
    "prepaga",
    "IMSS",
    "ISSSTE",
    "Seguro Popular",
    "INSABI",
    "EsSalud",
    "autogenerado",
    # Portuguese
    "número de utente",
    "nº de utente",
    "cartão nacional de saúde",
    "carteirinha",
    "plano de saúde",
    # Polish
    "NFZ",
    "EKUZ",
    "numer ubezpieczenia",
    # Czech
    "číslo pojištěnce",
    "č. poj.",
    "VZP",
    # Slovak
    "číslo poistenca",
    "VšZP",
    # Hungarian
    "TAJ kártya",
    # Slovene
    "ZZZS",
    "številka zavarovane osebe",
    # Croatian
    "HZZO",
    "zdravstvena iskaznica",
    # Serbian
    "ЛБО",
    "zdravstvena knjižica",
    "zdravstvena kartica",
    # Romanian
    "card de sănătate",
    # Bulgarian
    "НЗОК",
    "ЕЗОК",
    "здравноосигурителна книжка",
    # Greek
    "ΕΟΠΥΥ",
    "βιβλιάριο υγείας",
    # Turkish
    "SGK",
    "SGK sicil no",
    # Russian
    "ОМС",
    "полис ОМС",
    "полис",
    "ДМС",
    "номер полиса",
    # Ukrainian
    "медичний поліс",
    "поліс",
    # Finnish
    "Kela-kortti",
    # Danish
    "sundhedskort",
    "sygesikringskort",
    # Hebrew
    "קופת חולים",
    "מספר חבר",
    # Arabic
    "رقم التأمين",
    "بطاقة التأمين",
    "رقم البوليصة",
    "التأمين الصحي",
    "رقم العضوية",
    # Persian
    "شماره بیمه",
    "دفترچه بیمه",
    "کد بیمه",
    # Urdu
    "صحت کارڈ",
    # Thai
    "บัตรทอง",
    "ประกันสังคม",
    # Nepali
    "बीमा नं.",
    # Swahili
    "bima ya afya",
    "namba ya bima",
    # Mongolian
    "ЭМД",
    "эрүүл мэндийн даатгал",
    # Welsh
    "yswiriant iechyd",
)
HEALTH_PLAN_CASED: tuple[str, ...] = (
    # French
    "CMU",
    # German
    "KVNR",
    # Spanish
    "TSI",
    "CIP",
    "NUSS",
    # Portuguese
    "ADSE",
    # Slovene
    "KZZ",
    # Croatian
    "MBO",
    # Serbian
    "LBO",
    # Romanian
    "CNAS",
    # Russian
    "ЕНП",
    # English (other countries)
    "CBHI",
    "CNSS",
    "CNAM",
    "AMO",
    "EPS",
    "NHF",
    "JADEP",
    "NSSF",
    "GEMS",
    "IRN",
    "PHIN",
    "HSN",
)
LICENCE: tuple[str, ...] = (
    # Spanish
    "permiso de conducir",
    "carnet de conducir",
    "carné de conducir",
    "licencia de conducir",
    "licencia de manejo",
    "licencia de conducción",
    "brevete",
    "registro de conducir",
    "nº de colegiado",
    "número de colegiado",
    "colegiado",
    "cédula profesional",
    "RETHUS",
    # Portuguese
    "CNH",
    "carteira de motorista",
    "carta de condução",
    "COREN",
    "CREFITO",
    "cédula profissional",
    # French
    "permis de conduire",
    "RPPS",
    "ADELI",
    "ordre des médecins",
    "numéro d'ordre",
    "INAMI",
    "OIIQ",
    # Dutch
    "RIZIV",
    "rijbewijs",
    "rijbewijsnummer",
    "BIG-nummer",
    "AGB-code",
    # Italian
    "patente di guida",
    "iscrizione all'Ordine",
    "n. iscrizione",
    "albo",
    # German
    "Führerschein",
    "Führerscheinnummer",
    "Approbation",
    "LANR",
    "BSNR",
    "Arztnummer",
    # Danish
    "kørekort",
    "autorisations-ID",
    # Swedish
    "körkort",
    "förskrivarkod",
    # Norwegian
    "førerkort",
    "HPR-nummer",
    # Icelandic
    "ökuskírteini",
    # Finnish
    "ajokortti",
    # Estonian
    "juhiluba",
    # Latvian
    "vadītāja apliecība",
    # Lithuanian
    "vairuotojo pažymėjimas",
    # Polish
    "prawo jazdy",
    "PWZ",
    "NPWZ",
    # Czech
    "řidičský průkaz",
    "řidičák",
    # Slovak
    "vodičský preukaz",
    # Hungarian
    "jogosítvány",
    "jogsi",
    "vezetői engedély",
    "pecsétszám",
    # Romanian
    "permis de conducere",
    "permis auto",
    "parafa",
    "cod parafă",
    # Bulgarian
    "шофьорска книжка",
    "УИН",
    # Serbian
    "vozačka dozvola",
    "vozačka",
    "возачка дозвола",
    # Slovene
    "vozniško dovoljenje",
    # Albanian
    "patentë",
    "leje drejtimi",
    # Greek
    "δίπλωμα οδήγησης",
    "άδεια οδήγησης",
    # Turkish
    "ehliyet",
    "sürücü belgesi",
    "diploma tescil no",
    # Russian
    "водительское удостоверение",
    # Ukrainian
    "посвідчення водія",
    # Georgian
    "მართვის მოწმობა",
    # Arabic
    "رخصة القيادة",
    "رخصة السياقة",
    "رخصة سواقة",
    "رقم الترخيص",
    "رقم المزاولة",
    # English (other countries)
    "SCFHS",
    "PMDC",
    "MCI reg no",
    "BMDC",
    "SLMC",
    "PRC license",
    "MCRN",
    "NMBI",
    "MDCN",
    "KMPDC",
    "HPCSA",
    "SANC",
    "CPSO",
    "GPhC",
    "MCNZ",
    "driver licence",
    # Persian
    "گواهینامه",
    "نظام پزشکی",
    "ن.پ",
    # Urdu
    "ڈرائیونگ لائسنس",
    # Hindi
    "ड्राइविंग लाइसेंस",
    # Bengali
    "ড্রাইভিং লাইসেন্স",
    # Punjabi
    "ਡਰਾਈਵਿੰਗ ਲਾਇਸੈਂਸ",
    # Tamil
    "ஓட்டுநர் உரிமம்",
    # Sinhala
    "රියදුරු බලපත්‍රය",
    # Nepali
    "सवारी चालक अनुमतिपत्र",
    "लाइसेन्स",
    # Thai
    "ใบขับขี่",
    "ใบอนุญาตขับขี่",
    "ใบประกอบวิชาชีพ",
    # Vietnamese
    "GPLX",
    "bằng lái",
    "bằng lái xe",
    "giấy phép lái xe",
    "CCHN",
    "chứng chỉ hành nghề",
    # Malay
    "lesen memandu",
    # Filipino
    "lisensya",
    # Chinese
    "驾驶证",
    "驾驶证号",
    "驾照",
    "执业证书编号",
    "执业证号",
    # Chinese (traditional)
    "駕照",
    "駕駛執照",
    "執業執照",
    # Japanese
    "運転免許証",
    "免許証番号",
    "医籍登録番号",
    # Korean
    "운전면허",
    "운전면허증",
    "면허번호",
    # Mongolian
    "жолооны үнэмлэх",
    # Khmer
    "បណ្ណបើកបរ",
    # Burmese
    "ယာဉ်မောင်းလိုင်စင်",
    # Amharic
    "መንጃ ፈቃድ",
    # Swahili
    "leseni ya udereva",
    # Hebrew
    "רישיון נהיגה",
    "מספר רישיון",
    "מ.ר.",
    # Welsh
    "trwydded yrru",
    # Irish
    "ceadúnas tiomána",
)
LICENCE_CASED: tuple[str, ...] = (
    # Spanish
    "M.N.",
    "M.P.",
    "RNE",
    # French
    "CMQ",
    "CNOM",
    # German
    "EFN",
    "GLN",
    # Norwegian
    "HPR",
    # Czech
    "ŘP",
    # English (other countries)
    "MMC",
    "MCR",
    "PRC",
    "LTO",
    "GDC",
)
DEVICE: tuple[str, ...] = (
    # Spanish
    "nº de serie",
    "N/S",
    # French
    "n° de série",
    # Portuguese
    "nº de série",
    # German
    "Serien-Nr.",
    "Ser.-Nr.",
    # Danish
    "serienr",
    # Icelandic
    "raðnúmer",
    # Finnish
    "sarjanumero",
    # Estonian
    "seerianumber",
    # Latvian
    "sērijas numurs",
    # Lithuanian
    "serijos numeris",
    # Polish
    "numer seryjny",
    "nr seryjny",
    "nr fabryczny",
    # Czech
    "sériové číslo",
    "výrobní číslo",
    "v.č.",
    # Slovak
    "výrobné číslo",
    # Hungarian
    "sorozatszám",
    "gyári szám",
    # Romanian
    "număr de serie",
    # Bulgarian
    "сериен номер",
    "фабричен номер",
    # Serbian
    "serijski broj",
    "серијски број",
    # Slovene
    "serijska številka",
    # Albanian
    "numri serik",
    # Greek
    "σειριακός αριθμός",
    "αριθμός σειράς",
    # Turkish
    "seri no",
    "seri numarası",
    # Russian
    "заводской номер",
    "зав. №",
    "с/н",
    # Ukrainian
    "серійний номер",
    "заводський номер",
    # Georgian
    "სერიული ნომერი",
    # Armenian
    "սերիական համար",
    # Mongolian
    "серийн дугаар",
    # Arabic
    "الرقم التسلسلي",
    "رقم تسلسلي",
    # Persian
    "شماره سریال",
    # Urdu
    "سیریل نمبر",
    # Hindi
    "सीरियल नंबर",
    # Thai
    "หมายเลขเครื่อง",
    "หมายเลขซีเรียล",
    "เลขซีเรียล",
    # Vietnamese
    "số seri",
    "số sê-ri",
    # Indonesian
    "nomor seri",
    "no. seri",
    # Malay
    "nombor siri",
    # Chinese (traditional)
    "序號",
    "序列號",
    # Chinese
    "出厂编号",
    "设备编号",
    # Japanese
    "シリアルナンバー",
    "製番",
    # Korean
    "시리얼 번호",
    "제조번호",
    # Hebrew
    "מס' סידורי",
    # Welsh
    "rhif cyfresol",
)
DEVICE_CASED: tuple[str, ...] = ()
OTHER_ID: tuple[str, ...] = (
    # Spanish
    "pasaporte",
    "número de interno",
    "número de participante",
    "número de empleado",
    "legajo",
    # Portuguese
    "passaporte",
    # French
    "passeport",
    "numéro d'écrou",
    "écrou",
    "numéro d'inclusion",
    "numéro de randomisation",
    "dossard",
    "AGDREF",
    "titre de séjour",
    "numéro étudiant",
    # Italian
    "passaporto",
    "pettorale",
    # German
    "Reisepass",
    "Passnummer",
    "Pass-Nr.",
    "Gefangenenbuchnummer",
    "Probanden-ID",
    "Randomisierungsnummer",
    "Personalnummer",
    "Startnummer",
    "Aktenzeichen",
    "AZR-Nummer",
    "Matrikelnummer",
    # Dutch
    "paspoort",
    "paspoortnummer",
    "personeelsnummer",
    # Icelandic
    "vegabréf",
    # Finnish
    "passi",
    # Lithuanian
    "pasas",
    # Polish
    "paszport",
    "numer startowy",
    # Czech
    "cestovní pas",
    # Slovak
    "cestovný pas",
    # Hungarian
    "útlevél",
    # Romanian
    "pașaport",
    # Serbian
    "pasoš",
    "пасош",
    # Croatian
    "putovnica",
    # Slovene
    "potni list",
    # Albanian
    "pasaportë",
    # Greek
    "διαβατήριο",
    # Turkish
    "pasaport",
    "sicil no",
    # Russian
    "загранпаспорт",
    "табельный номер",
    # Ukrainian
    "закордонний паспорт",
    # Georgian
    "პასპორტი",
    # Armenian
    "անձնագիր",
    # Arabic
    "جواز السفر",
    "رقم الجواز",
    "رقم الحالة",
    # Persian
    "گذرنامه",
    "پاسپورت",
    # Urdu
    "پاسپورٹ",
    # Hindi
    "पासपोर्ट",
    # Bengali
    "পাসপোর্ট",
    # Punjabi
    "ਪਾਸਪੋਰਟ",
    # Tamil
    "கடவுச்சீட்டு",
    "பாஸ்போர்ட்",
    # Sinhala
    "ගමන් බලපත්‍රය",
    # Nepali
    "राहदानी",
    # Thai
    "หนังสือเดินทาง",
    "พาสปอร์ต",
    # Vietnamese
    "hộ chiếu",
    "mã nhân viên",
    # Indonesian
    "paspor",
    # Malay
    "pasport",
    # Chinese
    "护照",
    "受试者编号",
    "工号",
    "学号",
    # Chinese (traditional)
    "護照",
    "員工編號",
    "學號",
    # Japanese
    "パスポート",
    "旅券",
    "被験者番号",
    "社員番号",
    "学籍番号",
    # Korean
    "여권",
    "피험자 번호",
    "사번",
    "학번",
    # Mongolian
    "гадаад паспорт",
    # Khmer
    "លិខិតឆ្លងដែន",
    # Burmese
    "နိုင်ငံကူးလက်မှတ်",
    # Amharic
    "ፓስፖርት",
    # Swahili
    "pasipoti",
    # Hausa
    "fasfo",
    # Yoruba
    "iwe irinna",
    # Hebrew
    "דרכון",
    # Welsh
    "pasbort",
    # Maori
    "uruwhenua",
    # English (other countries)
    "custody record",
    "custody number",
    "NOMS number",
    "inmate number",
    "DOC number",
    "CRO number",
    "participant ID",
    "randomisation number",
    "randomization number",
    "screening number",
    "staff number",
    "payroll number",
    "personnel number",
    "bib",
    "bib number",
    "UNHCR case no",
    "UNHCR",
    "proGres ID",
    "refugee ID",
    "asylum number",
    "Home Office reference",
    "HO ref",
    "port reference",
    "A-number",
    "alien number",
    "ration card number",
    "voter ID",
)
OTHER_ID_CASED: tuple[str, ...] = (
    # Indonesian
    "NRP",
    "NIM",
    "NISN",
    # English (other countries)
    "FCN",
    "BRP",
    "LRN",
    # Spanish
    "TIE",
)
PLATE: tuple[str, ...] = (
    # Spanish
    "patente",
    "placas",
    # Portuguese
    "mota",
    # French
    "immatriculation",
    "plaque d'immatriculation",
    "bagnole",
    # Italian
    "targata",
    "macchina",
    # German
    "Nummernschild",
    "Autokennzeichen",
    # Dutch
    "nummerbord",
    # Danish
    "nummerplade",
    "registreringsnummer",
    "reg.nr.",
    # Swedish
    "regnr",
    "registreringsskylt",
    # Norwegian
    "kjennemerke",
    # Icelandic
    "bílnúmer",
    "skráningarnúmer",
    # Finnish
    "rekisterinumero",
    "rekkari",
    "rekisterikilpi",
    # Estonian
    "numbrimärk",
    # Latvian
    "numura zīme",
    # Lithuanian
    "valstybinis numeris",
    # Polish
    "tablica rejestracyjna",
    "numer rejestracyjny",
    "nr rej.",
    # Czech
    "SPZ",
    "poznávací značka",
    "registrační značka",
    # Slovak
    "ŠPZ",
    "EČV",
    "evidenčné číslo",
    # Hungarian
    "rendszám",
    "rendszámtábla",
    "autó",
    # Romanian
    "număr de înmatriculare",
    "nr. de înmatriculare",
    "mașina",
    # Bulgarian
    "регистрационен номер",
    "рег. номер",
    # Serbian
    "registarske tablice",
    "регистарске таблице",
    # Croatian
    "registarska oznaka",
    # Slovene
    "registrska tablica",
    "registrska številka",
    # Greek
    "πινακίδα",
    "πινακίδες",
    "αριθμός κυκλοφορίας",
    # Turkish
    "plaka",
    "plakası",
    "plakalı",
    "araç",
    "taksi",
    # Russian
    "номер машины",
    "госномер",
    "гос. номер",
    "номерной знак",
    "машина",
    "автомобиль",
    # Ukrainian
    "номерний знак",
    "держномер",
    "автівка",
    # Georgian
    "სახელმწიფო ნომერი",
    "მანქანა",
    # Armenian
    "համարանիշ",
    "մեքենա",
    # Arabic
    "رقم اللوحة",
    "لوحة السيارة",
    "رقم السيارة",
    "سيارة",
    # Persian
    "پلاک",
    "شماره پلاک",
    "ماشین",
    "خودرو",
    # Urdu
    "نمبر پلیٹ",
    "گاڑی",
    # Hindi
    "नंबर प्लेट",
    "गाड़ी नंबर",
    "गाड़ी",
    "वाहन संख्या",
    # Bengali
    "নম্বর প্লেট",
    "গাড়ির নম্বর",
    # Punjabi
    "ਨੰਬਰ ਪਲੇਟ",
    # Tamil
    "வாகன எண்",
    # Sinhala
    "වාහන අංකය",
    # Nepali
    "नम्बर प्लेट",
    # Thai
    "ทะเบียน",
    "ทะเบียนรถ",
    "ป้ายทะเบียน",
    # Vietnamese
    "biển số",
    "biển số xe",
    "BKS",
    "biển kiểm soát",
    "xe máy",
    "ô tô",
    # Indonesian
    "plat nomor",
    "pelat nomor",
    "nopol",
    "nomor polisi",
    "motor",
    # Malay
    "nombor plat",
    "nombor pendaftaran kenderaan",
    "kereta",
    # Filipino
    "kotse",
    # English (other countries)
    "jeepney",
    "bodaboda",
    "matatu",
    "tuk-tuk",
    "auto-rickshaw",
    "rickshaw",
    "okada",
    "danfo",
    "trotro",
    "kombi",
    # Chinese
    "车牌",
    "车牌号",
    # Chinese (traditional)
    "車牌",
    "車牌號碼",
    # Japanese
    "ナンバープレート",
    "車両番号",
    # Korean
    "번호판",
    "차량번호",
    # Mongolian
    "улсын дугаар",
    # Khmer
    "ស្លាកលេខ",
    # Burmese
    "ကားနံပါတ်",
    # Amharic
    "ታርጋ",
    # Swahili
    "namba ya gari",
    "pikipiki",
    "bajaji",
    # Hausa
    "lambar mota",
    # Hebrew
    "מספר רכב",
    "לוחית רישוי",
    "רכב",
    # Welsh
    "plât rhif",
    # Irish
    "uimhirphláta",
    # more vehicle words (plate: Indonesian "plat", the Norwegian and Turkish car, "taxi")
    "plat",
    "pelat",
    "taxi",
    "bil",
    "bilen",
    "araba",
    "arabası",
    "arabasi",
    "номер",
    "xe",
    "車",
    "车",
)
PLATE_CASED: tuple[str, ...] = ()
PHONE: tuple[str, ...] = (
    # Spanish
    "tfno",
    "tfno.",
    "telf",
    "fono",
    "wsp",
    "wasap",
    "número de contacto",
    # Portuguese
    "telemóvel",
    "telemovel",
    "tlm",
    "tlf.",
    "fone",
    "zapzap",
    "whats",
    # French
    "tél",
    "tél.",
    "cellulaire",
    "numéro de téléphone",
    # Italian
    "cell.",
    # German
    "Mobilnummer",
    "Rufnummer",
    "Telefonnummer",
    "Natel",
    "Festnetz",
    # Dutch
    "telefoonnummer",
    "tel.nr.",
    # Icelandic
    "sími",
    "farsími",
    "símanúmer",
    # Finnish
    "puh.",
    "puhelinnumero",
    "kännykkä",
    # Estonian
    "mobiil",
    "telefoninumber",
    # Latvian
    "tālrunis",
    "tālr.",
    "telefons",
    # Lithuanian
    "telefonas",
    "tel. nr.",
    # Polish
    "komórka",
    "tel. kom.",
    # Czech
    "tel. č.",
    "telefonní číslo",
    # Slovak
    "telefón",
    # Hungarian
    "telefonszám",
    "mobilszám",
    # Romanian
    "nr. de telefon",
    # Russian
    "телефон",
    "тел.",
    "моб.",
    "мобильный",
    "сотовый",
    "номер телефона",
    # Ukrainian
    "мобільний",
    "номер телефону",
    # Bulgarian
    "мобилен",
    # Croatian
    "mobitel",
    # Serbian
    "mobilni",
    "мобилни",
    "broj telefona",
    # Albanian
    "numri i telefonit",
    # Greek
    "τηλ.",
    "τηλέφωνο",
    "κινητό",
    # Turkish
    "cep telefonu",
    # Georgian
    "ტელეფონი",
    "ტელ.",
    "მობილური",
    # Armenian
    "հեռախոս",
    "հեռ.",
    # Arabic
    "هاتف",
    "رقم الهاتف",
    "جوال",
    "الجوال",
    "موبايل",
    "تليفون",
    "محمول",
    "نقال",
    "واتساب",
    "رقم التواصل",
    # Persian
    "تلفن",
    "موبایل",
    "شماره همراه",
    "شماره تماس",
    # Urdu
    "فون",
    "موبائل",
    "رابطہ نمبر",
    # Hindi
    "मोबाइल",
    "फ़ोन",
    "फोन",
    "मोबाइल नंबर",
    "संपर्क",
    # Nepali
    "सम्पर्क नं.",
    # Bengali
    "ফোন",
    "মোবাইল",
    "মোবাইল নম্বর",
    # Punjabi
    "ਫ਼ੋਨ",
    "ਫੋਨ",
    "ਮੋਬਾਈਲ",
    # Tamil
    "தொலைபேசி",
    "கைபேசி",
    "அலைபேசி",
    "மொபைல்",
    # Sinhala
    "දුරකථන",
    "ජංගම",
    "දු.ක.",
    # Thai
    "เบอร์",
    "เบอร์โทร",
    "โทร",
    "โทร.",
    "โทรศัพท์",
    "มือถือ",
    # Vietnamese
    "điện thoại",
    "số điện thoại",
    "di động",
    "zalo",
    # Indonesian
    "nomor HP",
    "telp",
    "telp.",
    "telepon",
    "no. WA",
    # English (other countries)
    "handphone",
    "h/p",
    "cellphone",
    "CP no",
    "Viber",
    "Telegram",
    # Filipino
    "celfone",
    # Chinese
    "电话",
    "手机",
    "手机号",
    "联系电话",
    # Chinese (traditional)
    "電話",
    "手機",
    "聯絡電話",
    "電話號碼",
    "手提",
    # Japanese
    "携帯",
    "電話番号",
    "携帯番号",
    "ケータイ",
    "連絡先",
    # Korean
    "휴대폰",
    "핸드폰",
    "전화",
    "전화번호",
    "연락처",
    "휴대전화",
    # Mongolian
    "утас",
    "утасны дугаар",
    # Khmer
    "ទូរស័ព្ទ",
    "លេខទូរស័ព្ទ",
    # Burmese
    "ဖုန်း",
    "ဖုန်းနံပါတ်",
    # Amharic
    "ስልክ",
    "ስልክ ቁጥር",
    # Swahili
    "simu",
    "namba ya simu",
    "nambari ya simu",
    # Hausa
    "lambar waya",
    # Yoruba
    "nọ́mbà fóònù",
    # Hebrew
    "טלפון",
    "טל'",
    "נייד",
    "פלאפון",
    # Welsh
    "ffôn",
    "rhif ffôn",
    "symudol",
    # Irish
    "fón",
    "uimhir fóin",
    "fón póca",
    # Maori
    "waea",
    "nama waea",
)
PHONE_CASED: tuple[str, ...] = (
    # French
    "GSM",
    # Vietnamese
    "ĐT",
    "SĐT",
)
FAX: tuple[str, ...] = (
    # Chinese
    "传真",
    "传真号",
    # Chinese (traditional)
    "傳真",
    # Japanese
    "ファックス",
    "ファクス",
    "FAX番号",
    # Korean
    "팩스",
    "팩스번호",
    # Russian
    "факс",
    # Hebrew
    "פקס",
    # Arabic
    "فاكس",
    "الفاكس",
    # Persian
    "فکس",
    "نمابر",
    "دورنگار",
    # Urdu
    "فیکس",
    # Thai
    "แฟกซ์",
    "โทรสาร",
    # French
    "téléfax",
    # Polish
    "faks",
    # Latvian
    "fakss",
    # Lithuanian
    "faksas",
    # Finnish
    "faksi",
    # Greek
    "φαξ",
    # Hindi
    "फैक्स",
    # Nepali
    "फ्याक्स",
    # Bengali
    "ফ্যাক্স",
    # Tamil
    "தொலைநகல்",
    # Sinhala
    "ෆැක්ස්",
    # Armenian
    "ֆաքս",
    # Georgian
    "ფაქსი",
    # Amharic
    "ፋክስ",
    # Khmer
    "ទូរសារ",
    # Burmese
    "ဖက်စ်",
    # Welsh
    "ffacs",
    # Irish
    "facs",
)
FAX_CASED: tuple[str, ...] = ()
#: "number / no." words that may stand between a key word and its value ("DNI nº", "Nr.", "番号").
NUMBER_WORDS: tuple[str, ...] = (
    "nº",
    "n°",
    "n.º",
    "N.º",
    "nro.",
    "nro",
    "núm.",
    "núm",
    "número",
    "numero",
    "numéro",
    "n.",
    "Nr.",
    "nr",
    "nummer",
    "numer",
    "č.",
    "číslo",
    "čís.",
    "szám",
    "sz.",
    "br.",
    "broj",
    "број",
    "бр.",
    "številka",
    "št.",
    "numri",
    "αρ.",
    "αριθμός",
    "numara",
    "numarası",
    "no'su",
    "номер",
    "№",
    "ном.",
    "нөмір",
    "дугаар",
    "ნომერი",
    "համար",
    "رقم",
    "شماره",
    "نمبر",
    "नंबर",
    "संख्या",
    "क्रमांक",
    "नं.",
    "নম্বর",
    "নং",
    "ਨੰਬਰ",
    "எண்",
    "අංකය",
    "เลขที่",
    "เลข",
    "หมายเลข",
    "số",
    "mã",
    "nomor",
    "nombor",
    "bilang",
    "号",
    "号码",
    "號碼",
    "號",
    "编号",
    "編號",
    "番号",
    "번호",
    "ቁጥር",
    "namba",
    "nambari",
    "lambar",
    "nọ́mbà",
    "מספר",
    "מס'",
    "rhif",
    "uimhir",
)
