"""PHI guard: behaviour of check_phi and the dev-split figures (bench/safety_phi.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from primum.safety.phi import PhiType, check_phi, check_phi_many

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "primum" / "safety" / "evaldata" / "phi.jsonl"


def _assert_found(text: str, value: str, kind: PhiType) -> None:
    """The patterns alone find `value` in `text`, with type `kind`."""
    found = {f.text: f.type for f in check_phi(text, learned=False).findings}
    assert found.get(value) is kind, found


def _types(text: str) -> list[tuple[str, str]]:
    return [(str(f.type), f.text) for f in check_phi(text).findings]


def test_offsets_point_into_the_original_text() -> None:
    text = "Mrs. Alvarez, 92F, seen on 3/14, MRN 00482913. Call her son Kevin at (555) 201-3344."
    report = check_phi(text)
    assert report.has_phi
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.text
    kinds = {str(f.type) for f in report.findings}
    assert {"name", "age_over_89", "date", "mrn", "phone"} <= kinds


def test_redaction_replaces_each_identifier() -> None:
    report = check_phi("Pt J. Smith DOB 04/05/1931, email js@example.com, lives at 12 Oak Street.")
    assert report.redacted_text == ("Pt [name] DOB [date], email [email], lives at [location].")
    assert "name" in report.suggestion and report.suggestion.startswith("Post the pearl")


def test_direct_identifiers() -> None:
    report = check_phi("Mr. Nguyen, 93M, lives at 48 Birchwood Lane, seen on March 14th.")
    direct = {(str(f.type), f.text) for f in report.direct_identifiers}
    assert ("name", "Mr. Nguyen") in direct
    assert ("location", "48 Birchwood Lane") in direct  # a street address is direct
    assert all(str(f.type) not in ("date", "age_over_89") for f in report.direct_identifiers)


@pytest.mark.parametrize(
    "text",
    [
        "Pearl: in a 70-year-old with new AF, check thyroid.",
        "45M with chest pain radiating to the back — think dissection.",
        "Graves disease, Addison crisis, Parkinson disease and Cushing syndrome.",
        "The Mayo Clinic guidelines are in NEJM 2023; we changed practice in 2019.",
        "Dr. Lee presented at grand rounds last Tuesday.",
        "BP 120/80, GCS 3/15, 3/4 of patients have no leg symptoms.",
        "The Ottawa ankle rules and the Wells score.",
        "Congratulations to Maria Gonzalez on her fellowship award!",
        "See https://doi.org/10.1056/NEJMra2000000 for the review.",
        "Temp 98 F, sats 95 % on air.",
    ],
)
def test_pearls_pass_untouched(text: str) -> None:
    report = check_phi(text)
    assert not report.has_phi, report.findings
    assert report.redacted_text == text
    assert report.suggestion == ""


def test_last_tuesday_is_not_a_date_but_a_rare_case_is_risky() -> None:
    assert _types("Seen last Tuesday with a cough.") == []
    text = "the only progeria patient in Duluth, seen last Friday."
    kinds = [k for k, _ in _types(text)]
    assert "risky_combination" in kinds
    assert check_phi(text).redacted_text == "the [rare case details]."


def test_each_identifier_type() -> None:
    samples = {
        PhiType.EMAIL: "mail dr.x@example.com",
        PhiType.SSN: "SSN 555-12-3456",
        PhiType.FAX: "fax to 555-201-9988",
        PhiType.URL: "see https://facebook.com/jsmith",
        PhiType.IP_ADDRESS: "from 192.168.1.20",
        PhiType.VEHICLE_ID: "VIN 1HGCM82633A004352",
        PhiType.DEVICE_ID: "pacemaker serial SN88213477",
        PhiType.HEALTH_PLAN_NUMBER: "member ID XJH884412203",
        PhiType.ACCOUNT_NUMBER: "account number 448812-09",
        PhiType.LICENCE_NUMBER: "driver's licence D4412-88291",
        PhiType.OTHER_UNIQUE_ID: "study ID HEART-0192",
        PhiType.BIOMETRIC: "a full-face photo of the patient",
        PhiType.AGE_OVER_89: "a 101-year-old woman",
    }
    for kind, text in samples.items():
        assert kind in {f.type for f in check_phi(text).findings}, text


def test_unicode_text_keeps_offsets() -> None:
    text = "Patient José Núñez — née Zoë — lives at 7 Rue Street; ☎ 555-222-3333 🙂"
    report = check_phi(text)
    for finding in report.findings:
        assert text[finding.start : finding.end] == finding.text
    assert "phone" in {str(f.type) for f in report.findings}
    assert any(f.text.startswith("José") for f in report.findings)


def test_empty_and_long_text_and_determinism() -> None:
    assert check_phi("").findings == ()
    assert check_phi("").redacted_text == ""
    post = "Mrs. Alvarez was seen on 3/14 at (555) 201-3344. Pearl: check the thyroid. "
    long_text = post * 400
    report = check_phi(long_text)
    assert len([f for f in report.findings if f.type is PhiType.PHONE]) == 400
    assert check_phi_many([post, post]) == [check_phi(post), check_phi(post)]
    assert check_phi(long_text) == report


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("safety_phi", ROOT / "bench" / "safety_phi.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_evaluation_set_spans_are_exact() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 300
    assert sum(r["kind"] == "phi" for r in rows) >= 150
    assert sum(r["kind"] == "pearl" for r in rows) >= 150
    for row in rows:
        for span in row["spans"]:
            value = row["text"][span["start"] : span["end"]]
            assert value and value == value.strip(), (row["id"], value)


def test_dev_split_meets_the_goals() -> None:
    bench = _bench()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    score = bench.score_phi([r for r in rows if r["split"] == "dev"])  # type: ignore[attr-defined]
    assert score.direct_recall >= 0.95, score.misses
    assert score.pearl_flag_rate < 0.05, score.false_alarms


# --- identifiers without a key word, photos and recordings, local phone numbers -------------


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("the PPS on the referral form is 5551234TA, please fix it", "5551234TA", PhiType.SSN),
        ("NHI ZAB1234, transferred from the north", "ZAB1234", PhiType.HEALTH_PLAN_NUMBER),
        ("NHIF number 8821-4470-02 for the claim", "8821-4470-02", PhiType.HEALTH_PLAN_NUMBER),
        (
            "the sticker on the tube says UNTH/55/0192 not hers",
            "UNTH/55/0192",
            PhiType.OTHER_UNIQUE_ID,
        ),
        (
            "her boyfriend keeps calling from 555-0176 pretending to be family",
            "555-0176",
            PhiType.PHONE,
        ),
        ("faxed to her office on 555-0148, her mobile is 555-0149", "555-0149", PhiType.PHONE),
        ("faxed to her office on 555-0148, her mobile is 555-0149", "555-0148", PhiType.FAX),
    ],
)
def test_identifier_shaped_values_are_found_and_typed_by_the_nearest_cue(
    text: str, value: str, kind: PhiType
) -> None:
    _assert_found(text, value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "BRAF V600E and EGFR L858R both respond to targeted therapy",
        "see NCT01471522 and PMID 31234567 for the trial",
        "grant R01HL123456 funded the 2019-2023 cohort",
        "give 1000mg paracetamol, max 4000mg a day",
        "ORCID 0000-0002-1825-0097 on the poster",
        "the 2023 ESC guideline changed in v2.3.1 of the app",
        "never post the MRN, DOB or SSN in a group chat",
        "send me a voice note when you land",
        "a photo of the rash on day 3 is a good teaching image",
    ],
)
def test_identifier_shapes_that_identify_no_patient_pass(text: str) -> None:
    assert check_phi(text, learned=False).findings == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("she posted the photo of her neck tattoo on the ward group", "photo of her neck tattoo"),
        (
            "a pic of his new face tattoo, the patient said it was fine",
            "pic of his new face tattoo",
        ),
        ("the patient sent a voice note about the pain", "voice note"),
        (
            "attached IMG_4471_forearm_tattoo.jpg from the patient's file",
            "IMG_4471_forearm_tattoo.jpg",
        ),
        ("footprint cards from the delivery suite", "footprint cards"),
    ],
)
def test_photos_recordings_and_prints_of_a_person(text: str, value: str) -> None:
    found = [f for f in check_phi(text, learned=False).findings if f.type is PhiType.BIOMETRIC]
    assert [f.text for f in found] == [value]


def test_a_biometric_template_number_is_typed_biometric() -> None:
    found = {
        f.text: f.type
        for f in check_phi(
            "fingerprint template FP-229104 on the visa form", learned=False
        ).findings
    }
    assert found.get("FP-229104") is PhiType.BIOMETRIC, found


# --- bare ages, keyed ids written with their key's letters, faxes, plates, refs -------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can someone see doris on bay 2? doris is 96 and keeps pulling her cannula", "96"),
        ("Winifred's 92 and still does the crossword in pen", "92"),
        ("Handover: Mr. Abara, 97, admitted overnight with a UTI", "97"),
        ("Seamus, 91, from the farm up the valley, came in with cellulitis", "91"),
        ("He's 99. He wants to go home.", "99"),
        ("102 today! Cake on the ward for our oldest patient", "102"),
        ("Abuelo Ramón, 93 años, con neumonía", "93 años"),
        ('she says she\'s "ninety-four and counting"', "ninety-four"),
        ("Ninety-seven and refuses a walking frame.", "Ninety-seven"),
    ],
)
def test_bare_ages_over_89_where_a_persons_age_goes(text: str, value: str) -> None:
    found = {f.text: f.type for f in check_phi(text, learned=False).findings}
    assert found.get(value) is PhiType.AGE_OVER_89, found


@pytest.mark.parametrize(
    "text",
    [
        "sats is 94, HR 112 and rising, glucose is 110 and the lactate 2.1",
        "Sodium, 128, then 131 after the saline",
        "Ninety minutes later the troponin had doubled.",
        "she is 95% sure the rash started after the antibiotic",
        "A 67-year-old man with a GCS of 14 after a fall",
        "NEJM 2019, 380, 1021-1030 is the reference",
    ],
)
def test_numbers_that_are_not_ages_pass(text: str) -> None:
    ages = [f for f in check_phi(text, learned=False).findings if f.type is PhiType.AGE_OVER_89]
    assert ages == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("his SIN 130 692 544 was on the old form", "130 692 544", PhiType.SSN),
        ("BSN 111222333 on the Dutch referral", "111222333", PhiType.SSN),
        ("licence (VIC 2208 1137) left at reception", "VIC 2208 1137", PhiType.LICENCE_NUMBER),
        (
            "her CDL number CDL 55120934 went to the employer",
            "CDL 55120934",
            PhiType.LICENCE_NUMBER,
        ),
        ("the clinic faxes his logs from 555-0163 every week", "555-0163", PhiType.FAX),
        ("F: 555-301-7784 for the renal unit", "555-301-7784", PhiType.FAX),
        ("plate 6ABC 123 belongs to the patient's son", "6ABC 123", PhiType.VEHICLE_ID),
        ("security towed WXYZ 552 while the owner was in resus", "WXYZ 552", PhiType.VEHICLE_ID),
        ("the court ref FAM-23-04412 goes on every note", "FAM-23-04412", PhiType.OTHER_UNIQUE_ID),
        (
            "her voiceprint ref VP-22-1870-K was enrolled by the bank",
            "VP-22-1870-K",
            PhiType.BIOMETRIC,
        ),
        ("MBR 44120-09931 on the insurance letter", "44120-09931", PhiType.HEALTH_PLAN_NUMBER),
    ],
)
def test_keyed_values_written_with_their_key_and_new_cues(
    text: str, value: str, kind: PhiType
) -> None:
    _assert_found(text, value, kind)


# --- third round (2026-12-07): forms read on the blind3 and blind4 sets, tested on new sentences


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # a date or an IP address that ends the sentence
        ("He gave his DOB as 02/03/1931.", "02/03/1931", PhiType.DATE),
        ("The portal logged her in from 198.51.100.23.", "198.51.100.23", PhiType.IP_ADDRESS),
        # a weekday with the day of the month
        ("Her son flies in on the Tuesday 9th shuttle to see her.", "Tuesday 9th", PhiType.DATE),
        ("Bring him back Thurs the 23rd for the drain.", "Thurs the 23rd", PhiType.DATE),
        # holidays beyond the US ones, after a time word
        ("Mrs Quinn has been in since Anzac Day with the hip.", "Anzac Day", PhiType.DATE),
        ("admission 4/11, readmitted 4/19 with the same leak", "4/19", PhiType.DATE),
        # ages in brackets, "years young", a birthday in words
        ("Sent Mr Pryce (93) home with the district nurses.", "93", PhiType.AGE_OVER_89),
        ("Still mowing his own lawn at 96 years young.", "96", PhiType.AGE_OVER_89),
        ("Party on the ward for her hundredth birthday.", "hundredth", PhiType.AGE_OVER_89),
        # a key word in the plural, or several words before the value
        ("the MRNs got swapped, hers is 0071234598 not 0071234589", "0071234598", PhiType.MRN),
        (
            "Medicaid ID, e.g. TX-MCD-55120488, goes in the box",
            "TX-MCD-55120488",
            PhiType.HEALTH_PLAN_NUMBER,
        ),
        (
            "an old Medicare card in her purse, 5512 60934 2-1, expired",
            "5512 60934 2-1",
            PhiType.HEALTH_PLAN_NUMBER,
        ),
        ("policy number Q 55120-88413 was declined", "Q 55120-88413", PhiType.HEALTH_PLAN_NUMBER),
        ("header read MRN 0088123 FIN 330021987 and DOB", "330021987", PhiType.ACCOUNT_NUMBER),
        ("карта: СНИЛС 123-456-789 01, полис на руках", "123-456-789 01", PhiType.SSN),
        # plates in brackets after the car, and US plates after the state
        ("her car (LM21 XKD) is still in the bay", "LM21 XKD", PhiType.VEHICLE_ID),
        ("his truck (TX 8KL-2291) was towed", "TX 8KL-2291", PhiType.VEHICLE_ID),
        # a phone after "reached on" and a registrar who is not a licence plate
        ("Night reg: his sister can be reached on 555-0129 after six.", "555-0129", PhiType.PHONE),
        ("the lady in resus 3 needs a chaperone", "resus 3", PhiType.LOCATION),
        # fourth round, read on blind5
        ("his daughter Ama, could nights try her on 555-0146?", "555-0146", PhiType.PHONE),
        ("matched on AFIS 44-1209931 by the police", "44-1209931", PhiType.BIOMETRIC),
        ("Medibank membership 55120988 lapsed in June", "55120988", PhiType.HEALTH_PLAN_NUMBER),
        ('grandma told everyone "I\'m 93" at the door', "I'm 93", PhiType.AGE_OVER_89),
        ("still no NOK for bed 14", "bed 14", PhiType.LOCATION),
        # fifth round, read on blind6
        ("the school rang, Mum is on 0311-5550987 till four", "0311-5550987", PhiType.PHONE),
        ("he changed numbers again, it's 555-0177 now", "555-0177", PhiType.PHONE),
        ("PESEL 90021812345 on the referral", "90021812345", PhiType.SSN),
        ("her ID number is 7502145009081 on the letter", "7502145009081", PhiType.SSN),
        (
            "cartão SUS 700 5012 3456 7781 veio errado",
            "700 5012 3456 7781",
            PhiType.HEALTH_PLAN_NUMBER,
        ),
        ("Versichertennummer A555019283 fehlt", "A555019283", PhiType.HEALTH_PLAN_NUMBER),
        ("clinic card MTH-00918 was in his pocket", "MTH-00918", PhiType.MRN),
        ("shotgun certificate SGC 21/0093 is on file", "SGC 21/0093", PhiType.LICENCE_NUMBER),
        ("the van's plate 4TR 9QP was on the CCTV", "4TR 9QP", PhiType.VEHICLE_ID),
        ("moto placa QRT5B21 sem documentos", "QRT5B21", PhiType.VEHICLE_ID),
        ("Termin am 03.05., sonst verfällt die Überweisung", "03.05", PhiType.DATE),
        ("DOB 04-Mar-1929 per the old card", "04-Mar-1929", PhiType.DATE),
        ("the inmate on C wing refused his bloods", "C wing", PhiType.LOCATION),
        ("Zara's dad is collecting her at six", "Zara", PhiType.NAME),
        ("send Oskar's seizure plan to the nursery", "Oskar", PhiType.NAME),
        (
            "no ID, but a swallow tattoo on his left hand with the name Kath",
            "a swallow tattoo on his left hand with the name Kath",
            PhiType.BIOMETRIC,
        ),
        ("the bank set up a voiceprint for her phone banking", "voiceprint", PhiType.BIOMETRIC),
        # sixth round, read on blind7 (new sentences)
        ("any update on 刘伟's biopsy? the family keeps calling", "刘伟", PhiType.NAME),
        ("최서연's mother wants the scan report in Korean", "최서연", PhiType.NAME),
        ("bed 4: 이준호 still spiking, cultures pending", "이준호", PhiType.NAME),
        ("discharge letter for 田中太郎 went to the wrong GP", "田中太郎", PhiType.NAME),
        ("Exchange student عمر needs his TB screen", "عمر", PhiType.NAME),
        ("she moved back to Παγκράτι last month", "Παγκράτι", PhiType.LOCATION),
        ("his camper van LK-319-T was found at the beach car park", "LK-319-T", PhiType.VEHICLE_ID),
        (
            "the son drives a PQT4H81 and parks it in the ambulance bay",
            "PQT4H81",
            PhiType.VEHICLE_ID,
        ),
        (
            "someone parked the HH-KL 4021 across the helipad again",
            "HH-KL 4021",
            PhiType.VEHICLE_ID,
        ),
        (
            "scooter KA 05 MN 7781 left outside resus, rider in CT",
            "KA 05 MN 7781",
            PhiType.VEHICLE_ID,
        ),
        (
            "their car is 横浜 500 さ 41-07, parked in bay 3",
            "横浜 500 さ 41-07",
            PhiType.VEHICLE_ID,
        ),
        ("police had the plate В 456 ОР 197 from the CCTV", "В 456 ОР 197", PhiType.VEHICLE_ID),
        ("her inhaler prescription expires 14/09 and she is out", "14/09", PhiType.DATE),
        ("RDV le 12 mars pour la biopsie de Mme Roux", "12 mars", PhiType.DATE),
        ("cita el 3 de mayo para la ecografía", "3 de mayo", PhiType.DATE),
        ("Termin am 5. Oktober beim Kardiologen", "5. Oktober", PhiType.DATE),
        ("last seen at clinic 14 Φεβρουαρίου, not since", "14 Φεβρουαρίου", PhiType.DATE),
        ("surgery booked for 11月3日 in the morning", "11月3日", PhiType.DATE),
        ("follow-up on 7월 15일 with her daughter", "7월 15일", PhiType.DATE),
        ("Ирина Петрова, 93 years, lives alone", "93 years", PhiType.AGE_OVER_89),
        ("CCTV caught BX70 KLM leaving before the police came", "BX70 KLM", PhiType.VEHICLE_ID),
        ("le GH-482-TK est resté sur la place handicapé", "GH-482-TK", PhiType.VEHICLE_ID),
        ("the DL 3C AB 4521 is still outside A&E", "DL 3C AB 4521", PhiType.VEHICLE_ID),
        # seventh round: ages in other languages and scripts, names marked by a title or kin word
        ("山本さん (95歳) は今朝転倒", "95歳", PhiType.AGE_OVER_89),
        ("이순자 할머니 (93세) 오늘 입원", "93세", PhiType.AGE_OVER_89),
        ("शर्मा जी 92 साल के हैं", "92 साल", PhiType.AGE_OVER_89),
        ("Пациентка, 98 лет, упала дома", "98 лет", PhiType.AGE_OVER_89),
        ("Gunnar, 94 år, bor ensam", "94 år", PhiType.AGE_OVER_89),
        ("Herr Weber, 90 J., Sturz", "90 J.", PhiType.AGE_OVER_89),
        ("pani Zofia, 96 lat, w domu", "96 lat", PhiType.AGE_OVER_89),
        ("جدتي ٩٧ سنة وتعيش وحدها", "٩٧ سنة", PhiType.AGE_OVER_89),
        ("Mrs Oduya M/91 no wait, F/91, frail", "F/91", PhiType.AGE_OVER_89),
        (
            "Seu Joaquim, noventa e dois anos, mora sozinho",
            "noventa e dois anos",
            PhiType.AGE_OVER_89,
        ),
        (
            "quatre-vingt-quinze ans et toujours au jardin",
            "quatre-vingt-quinze ans",
            PhiType.AGE_OVER_89,
        ),
        ("मरीज़ श्रीमती कमला देवी को आज छुट्टी मिली", "कमला देवी", PhiType.NAME),
        ("الحاجة زينب علي جاءت اليوم للعيادة", "زينب علي", PhiType.NAME),
        ("昨日 佐々木さん が退院しました", "佐々木", PhiType.NAME),
        ("오늘 박민수 군 다리 골절로 입원", "박민수", PhiType.NAME),
        ("Ο ασθενής Νίκος Αλεξίου ήρθε ξανά σήμερα", "Νίκος Αλεξίου", PhiType.NAME),
        # key words in other languages, phones and plates with their local cues
        ("急诊 病历号 AB20250113 的病人", "AB20250113", PhiType.MRN),
        ("Herr Kaya, Fallnummer 55120934, Sturz", "55120934", PhiType.MRN),
        (
            "Mme Roux, numéro de sécu 2 61 03 13 055 118 47, arrivée",
            "2 61 03 13 055 118 47",
            PhiType.SSN,
        ),
        ("paciente con NSS 55112233445 sin vigencia", "55112233445", PhiType.SSN),
        ("Kim Ji-ho RRN 900101-1234567 on the form", "900101-1234567", PhiType.SSN),
        ("boarding pass booking ref QW7ZP2 for the transfer", "QW7ZP2", PhiType.OTHER_UNIQUE_ID),
        ("la hija dejó el cel 55 5555 1234 en recepción", "55 5555 1234", PhiType.PHONE),
        ("der Sohn ruft an: 0151 5551 2233", "0151 5551 2233", PhiType.PHONE),
        ("graag faxen naar de huisarts, 020 555 1234", "020 555 1234", PhiType.FAX),
        ("the Hyundai, plate 12가 3456, is in the bay", "12가 3456", PhiType.VEHICLE_ID),
        ("zostawił samochód WA 12345 przed SOR", "WA 12345", PhiType.VEHICLE_ID),
        ("Su camioneta ABC-123-D sigue en el estacionamiento", "ABC-123-D", PhiType.VEHICLE_ID),
        # places and holidays said in another language
        (
            "Seu Antônio mora em Ribeirão Preto e vem toda semana",
            "Ribeirão Preto",
            PhiType.LOCATION,
        ),
        ("la señora vive en la colonia Doctores, sola", "Doctores", PhiType.LOCATION),
        ("Frau Kühn kommt aus Wilhelmsburg, Sturz zu Hause", "Wilhelmsburg", PhiType.LOCATION),
        ("pacjentka mieszka w Pruszkowie z córką", "Pruszkowie", PhiType.LOCATION),
        ("Mr Pillai has not come to dialysis since Onam", "Onam", PhiType.DATE),
        # towns the gazetteer knows, after a place preposition about a patient, or in a post in
        # another script
        ("Our patient from Tralee is back with the same rash", "Tralee", PhiType.LOCATION),
        ("Mr Okoro, from Kano, came for his shunt review", "Kano", PhiType.LOCATION),
        ("المريض من المنصورة رفض الغسيل اليوم", "المنصورة", PhiType.LOCATION),
        ("Η ασθενής από τη Λάρισα ήρθε ξανά", "Λάρισα", PhiType.LOCATION),
        (
            "custody nurse: his left thumb print is on the form",
            "left thumb print",
            PhiType.BIOMETRIC,
        ),
        (
            'the man with "LOLA 1998" tattooed across his knuckles is back',
            '"LOLA 1998" tattooed across his knuckles',
            PhiType.BIOMETRIC,
        ),
        (
            "identified by the rose tattoo down her forearm with a date in it",
            "the rose tattoo down her forearm with a date in it",
            PhiType.BIOMETRIC,
        ),
    ],
)
def test_third_round_forms(text: str, value: str, kind: PhiType) -> None:
    _assert_found(text, value, kind)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("we look after the only boy with Batten disease on Skye", "Skye"),
        ("the second case of measles at Kilburn Academy this month", "Kilburn Academy"),
        ("a Chagas cardiomyopathy in Bodø last October, now listed", "Bodø"),
        ("you'll remember the girl with progeria from Ballyhaunis", "Ballyhaunis"),
        ("our moyamoya patient, the only one on Arran, is stable", "Arran"),
        ("the farmer in Gisborne with stiff-person syndrome, seen in March", "Gisborne"),
    ],
)
def test_a_unique_or_rare_case_in_a_small_place_is_a_risky_combination(
    text: str, place: str
) -> None:
    findings = check_phi(text, learned=False).findings
    assert PhiType.RISKY_COMBINATION in {f.type for f in findings}, findings
    assert any(place in f.text for f in findings if f.type is PhiType.RISKY_COMBINATION)


@pytest.mark.parametrize(
    "text",
    [
        "Teaching: the first case of vCJD in the UK was described in 1996.",
        "Fabry disease is missed in women; the only therapy in Europe until 2001 was supportive.",
        "Measles is back: the first cases in Canada this year were in unvaccinated kids.",
        "Na (135) and K (4.1) are normal; sats (97) on air.",
        "Our unit in Townsville published 212 patients with melioidosis this year.",
        "Great lecture on Lassa fever this week from the visiting professor.",
        "The first cases of mpox in London in 2022 taught us a lot about contact tracing.",
        "Poison Help is 1-800-222-1222 and the UK line is 0800 555 0111; put them on the board.",
        "Priya Nair from pharmacy rewrote our vancomycin guideline.",
        "I'm 95% sure this is gout.",
        "Coding: E11.65 is type 2 diabetes with hyperglycaemia; document it properly.",
        "Measles is endemic only in a few districts of Khyber Pakhtunkhwa, a 2019 surge showed.",
        "Bought a new Volvo, plate colour matters less than the safety rating.",
        "Ubuntu 22.04. is what the PACS server runs, apparently.",
        "Parkinson's notes on gait freezing are a classic read for the registrars.",
        # sixth round: what the new patterns must leave alone
        "Marburg virus outbreaks: read the WHO summary before your ID rotation.",
        "The hospital has served the town for 90 years, and the new wing opens soon.",
        "Power 4/5 in the left arm, pain 9/10 on movement.",
        "Ward 3 uses the ABCDE approach; the 2021 guideline is on the wall.",
        "Teaching on 田中 et al. 2019: a cohort of 4,000 diabetics.",
        "HLA-B 27 is positive in most with ankylosing spondylitis.",
        "Ward GH-A has 12 beds and one side room.",
        # seventh round: numbers with a unit that are no age, and words in a post in another script
        "BP 95/60, HR 92, sats 94 on air.",
        "Dose 100 mg, weight 92 kg, eGFR 91.",
        "高血压 患者 注意 血压",
        "당뇨 환자 상태 양호, 선생님 감사합니다",
        "आज वार्ड में बहुत भीड़ थी और सबको धैर्य रखना पड़ा",
        "מטופלים עם סוכרת צריכים בדיקת עיניים פעם בשנה",
        "ผู้ป่วยเบาหวานควรตรวจตาปีละครั้ง นะคะ ทุกคน",
        "مرضى السكري يحتاجون فحص العين مرة كل سنة",
        "Больным диабетом нужен осмотр глазного дна раз в год",
        "Always record the vaccine lot number on the MAR (the Lot AB1234 style code).",
        "The car park was full again; my car is a 2019 Golf.",
        "Resultados publicados en Lancet 2020 por Souza.",
        "Ian Stiell's group in Ottawa gave us the ankle rules; we owe them a lot.",
        "The XDR-TB cluster reported from KwaZulu-Natal in 2006 was a wake-up call.",
        "Falls peak in March; a study from Boston showed the same.",
        "Thumb injuries: always check the ulnar collateral ligament.",
        "En Europe, la guía ESC 2023 recomienda anticoagular.",
        "Steroids within 72 h helped (Smith et al., Lancet 2019;394:1120-1131).",
        "Keep the dose at 0.5 mg/kg/day if the eGFR is under 30 mL/min/1.73m2.",
        "The ESC Congress runs 29 Aug-1 Sept, and EuroPCR is 20-23 May 2025 in Paris.",
    ],
)
def test_teaching_about_rare_cases_and_values_in_brackets_pass(text: str) -> None:
    kinds = {f.type for f in check_phi(text, learned=False).findings}
    assert kinds == set(), kinds


# --- key words in other languages (phi_keys.py): number words, CJK/Thai boundaries, dotted and
# slashed values after a key, plates in other countries' layouts, gated short keys


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("paciente con DNI nº 27.918.406, derivada por disnea", "27.918.406", PhiType.SSN),
        ("DNI 41.207.395 en la hoja de ingreso", "41.207.395", PhiType.SSN),
        ("documento nacional de identidad 30518274", "30518274", PhiType.SSN),
        ("RUT 15.482.917-K en la ficha", "15.482.917-K", PhiType.SSN),
        ("su CI 4.318.552-7 quedó en la epicrisis", "4.318.552-7", PhiType.SSN),
        ("CC 1.032.447.981 del acompañante", "1.032.447.981", PhiType.SSN),
        ("CF RSSMRA71E12H501Z sul referto", "RSSMRA71E12H501Z", PhiType.SSN),
        ("TC kimlik no 38214069752 hasta dosyasında", "38214069752", PhiType.SSN),
        ("TC 52817360498 yazılı", "52817360498", PhiType.SSN),
        ("患者身份证号码：110105198807153318，今日入院", "110105198807153318", PhiType.SSN),
        ("病人身份证号 44030419750321562X 已登记", "44030419750321562X", PhiType.SSN),
        ("RČ 785214/3361 na žádance", "785214/3361", PhiType.SSN),
        ("Personalausweisnummer T22000129 auf dem Bogen", "T22000129", PhiType.SSN),
        ("OIB 69435151530 u nalazu", "69435151530", PhiType.SSN),
        ("kennitala 120385-2389 á beiðninni", "120385-2389", PhiType.SSN),
        ("CCCD 001089004512 ghi trên phiếu", "001089004512", PhiType.SSN),
        ("رقم الهوية 1023456789 في الملف", "1023456789", PhiType.SSN),
        ("Số hồ sơ 24.008817 của bệnh nhân", "24.008817", PhiType.MRN),
        ("no. RM 08.21.44 pasien rujukan", "08.21.44", PhiType.MRN),
        ("Nomor RM 12-88-31 di lembar", "12-88-31", PhiType.MRN),
        ("protokol 2023/447120 numaralı hasta", "2023/447120", PhiType.MRN),
        ("HC nº 2291034 en urgencias", "2291034", PhiType.MRN),
        ("Fall-Nr. 40021877 im Arztbrief", "40021877", PhiType.MRN),
        ("HN 6512783 ที่โรงพยาบาล", "6512783", PhiType.MRN),
        ("住院号：20240311 的患者", "20240311", PhiType.MRN),
        ("CNS 702 4018 7731 2259 na ficha", "702 4018 7731 2259", PhiType.HEALTH_PLAN_NUMBER),
        ("BHYT DN4790123456789 hết hạn", "DN4790123456789", PhiType.HEALTH_PLAN_NUMBER),
        ("Krankenversichertennummer A123456780 fehlt", "A123456780", PhiType.HEALTH_PLAN_NUMBER),
        ("rijbewijsnummer 5098812347 in het dossier", "5098812347", PhiType.LICENCE_NUMBER),
        ("pasaporte nº PAB412903 en recepción", "PAB412903", PhiType.OTHER_UNIQUE_ID),
        ("patente HJKL-42 estacionada afuera", "HJKL-42", PhiType.VEHICLE_ID),
        ("plaka 06 BRT 481 olan araç", "06 BRT 481", PhiType.VEHICLE_ID),
        ("nopol D 7712 XKA di parkiran", "D 7712 XKA", PhiType.VEHICLE_ID),
        ("biển số 51-F2 418.27 của người nhà", "51-F2 418.27", PhiType.VEHICLE_ID),
        ("ทะเบียนรถ 2ขค 4471 จอดหน้าตึก", "2ขค 4471", PhiType.VEHICLE_ID),
        ("מספר רכב 34-512-81 בחניה", "34-512-81", PhiType.VEHICLE_ID),
        ("the tuk-tuk CP AB-3391 brought her in", "CP AB-3391", PhiType.VEHICLE_ID),
        ("машина брата BC 4417 AK стоїть біля входу", "BC 4417 AK", PhiType.VEHICLE_ID),
        ("hun kom med ny bil, KJ 48213 i går", "KJ 48213", PhiType.VEHICLE_ID),
        ("kızının arabası 06 FK 2291 otoparkta", "06 FK 2291", PhiType.VEHICLE_ID),
        ("tfno. 612 48 93 07 de la hija", "612 48 93 07", PhiType.PHONE),
        ("tél. 06 21 48 93 70 du fils", "06 21 48 93 70", PhiType.PHONE),
        ("โทร. 089 412 7735 ญาติ", "089 412 7735", PhiType.PHONE),
        ("faks 0312 447 81 92 ile gönderildi", "0312 447 81 92", PhiType.FAX),
    ],
)
def test_keys_in_other_languages(text: str, value: str, kind: PhiType) -> None:
    _assert_found(text, value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "OR 2.1, CI 95% 1.2-3.4, so the effect held",
        "CI 1.2-3.4 in the subgroup",
        "HC 34.5 cm at birth, on the 50th centile",
        "HC 36 cm and weight 3.4 kg",
        "TC 5.2 mmol/L and LDL 3.1 mmol/L after the statin",
        "TC 6.8 with HDL 1.1 gives a ratio of 6.2",
        "RM 3/5 strength in the left deltoid",
        "Hb 12.4, plt 212, WBC 8.1",
        "ratio 2.5/1 is typical",
        "stage T2N0 disease after resection",
        "motor C5 C6 weakness on the right",
        "motor UPDRS 32 off medication, NIHSS 4 on arrival",
        "arrived by taxi, GCS 15 on arrival",
        "took a taxi to B 12 ward",
        "CP 3 on the scale, CC 20 of saline",
        "CF 12 on the sweat test is normal",
        "PIN code reset for the ward computer",
        "PID 2 episodes last year, treated",
        "CNS 4 lesions on MRI",
        "the trial NCT04280705 and ISRCTN12345678 recruited in 2021",
        "dosis 1.000.000 UI de vitamina D",
        "protocolo 2 de quimioterapia",
        "la patente de la moto es nueva",
        "Số lượng tiểu cầu 150.000",
        "giá trị 23.5 mg/dL",
        "placas de ateroma en la carótida",
        "número de casos 1.234 en 2023",
        "la dosis fue 12.5 mg/kg",
    ],
)
def test_clinical_numbers_next_to_foreign_keys_pass(text: str) -> None:
    kinds = {(f.type, f.text) for f in check_phi(text, learned=False).findings if f.direct}
    assert kinds == set(), kinds


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # national ids with a distinctive shape, found without a key word
        ("患者 440301195806273216 今天转院", "440301195806273216", PhiType.SSN),
        ("身份证号440301195806273216,住院三天", "440301195806273216", PhiType.SSN),
        ("pt 11010519491231002X on the transfer sheet", "11010519491231002X", PhiType.SSN),
        ("her number is 8001015009087, file attached", "8001015009087", PhiType.SSN),
        ("AHV 756.1234.5678.97 für die Abrechnung", "756.1234.5678.97", PhiType.SSN),
        ("บัตร 3-1005-00123-45-6 ของคนไข้", "3-1005-00123-45-6", PhiType.SSN),
        ("card 2345 6789 0124 attached for the claim", "2345 6789 0124", PhiType.SSN),
        # ages over 89 in words and other scripts
        ("our nonagenarian on bed 4 wants to go home", "nonagenarian", PhiType.AGE_OVER_89),
        ("la paziente novantenne è caduta", "novantenne", PhiType.AGE_OVER_89),
        ("une centenaire admise hier soir", "centenaire", PhiType.AGE_OVER_89),
        ("she's in her mid-90s and still drives", "in her mid-90s", PhiType.AGE_OVER_89),
        ("外公九十五岁，昨天摔倒", "九十五岁", PhiType.AGE_OVER_89),
        ("할머니 아흔두 살이세요", "아흔두 살", PhiType.AGE_OVER_89),
        ("המטופלת בת 96 מבאר שבע", "בת 96", PhiType.AGE_OVER_89),
        ("mae hi'n 91 oed ac yn byw ar ei phen ei hun", "91 oed", PhiType.AGE_OVER_89),
        ("бабуся, 95 роки, впала вдома", "95 роки", PhiType.AGE_OVER_89),
        ("Mr Hale, born 1931, admitted with a fall", "born 1931", PhiType.AGE_OVER_89),
        # beds and wards in other languages
        ("paciente no leito 14 da UTI", "leito 14", PhiType.LOCATION),
        ("больная на койке", None, None),
        ("пациент, палата № 12, жалобы на боль", "палата № 12", PhiType.LOCATION),
        ("bệnh nhân giường 7 khoa Nội", "giường 7", PhiType.LOCATION),
        ("ผู้ป่วยเตียง 12 ปวดท้อง", "เตียง 12", PhiType.LOCATION),
        ("환자 침대 3번 확인 부탁", "침대 3", PhiType.LOCATION),
        ("मरीज़ बेड 18 पर है", "बेड 18", PhiType.LOCATION),
        ("المريضة في سرير ٤", "سرير ٤", PhiType.LOCATION),
        ("她住在12床", "12床", PhiType.LOCATION),
        # day and month in other languages and calendars
        ("13 Nisan'da yatırıldı", "13 Nisan", PhiType.DATE),
        ("internată pe 12 martie 2025", "12 martie 2025", PhiType.DATE),
        ("przyjęta 3 marca, wypisana 9 marca", "3 marca", PhiType.DATE),
        ("syntynyt 4. toukokuuta", "4. toukokuuta", PhiType.DATE),
        ("felvétel: március 3.", "március 3.", PhiType.DATE),
        ("dirawat sejak 17 Agustus", "17 Agustus", PhiType.DATE),
        ("госпіталізована 5 березня", "5 березня", PhiType.DATE),
        ("دخلت يوم ١٤ فبراير", "١٤ فبراير", PhiType.DATE),
        ("۱۲ فروردین بستری شد", "۱۲ فروردین", PhiType.DATE),
        ("נולדה ב-3 מרץ", "3 מרץ", PhiType.DATE),
        ("भर्ती 5 मार्च को हुई", "5 मार्च", PhiType.DATE),
        ("รับไว้ 9 มีนาคม", "9 มีนาคม", PhiType.DATE),
        ("nhập viện ngày 12 tháng 3", "ngày 12 tháng 3", PhiType.DATE),
        ("admitted 14 Ramadan 1445", "14 Ramadan 1445", PhiType.DATE),
    ],
)
def test_shapes_ages_beds_and_dates_from_other_countries(
    text: str, value: str | None, kind: PhiType | None
) -> None:
    if value is None or kind is None:
        kinds = {f.type for f in check_phi(text, learned=False).findings}
        assert PhiType.LOCATION not in kinds, kinds
        return
    _assert_found(text, value, kind)


@pytest.mark.parametrize(
    "text",
    [
        # numbers with the shapes above that fail their check, and the words in other senses
        "order 8001015009088 shipped",
        "card 2345 6789 0123 on the poster",
        "ISBN 978-0-19-852663-6 is the handbook",
        "the 90s were a different era for sepsis care",
        "patients in their nineties benefit less from statins",
        "A man in his 90s with a hip fracture still benefits from surgery",
        "Nonagenarians with aortic stenosis do well after TAVI",
        "Sir William Osler was born 1849",
        "Virginia Apgar, born 1909, devised the score",
        "the 3 mart convenience stores near the hospital",
        "Mac 12 laptops for the ward",
        "dose 12 mg twice daily, lit 3 candles at the vigil",
        "Zapalenie płuc: 3 lata obserwacji, 12 mg/kg",
    ],
)
def test_shapes_and_words_that_identify_no_patient_pass(text: str) -> None:
    kinds = {(f.type, f.text) for f in check_phi(text, learned=False).findings}
    found = {kind for kind in kinds if kind[0] in _INTL_TYPES}
    assert not found, found


_INTL_TYPES = (PhiType.SSN, PhiType.AGE_OVER_89, PhiType.DATE, PhiType.LOCATION)


# --- ninth round: digits of other scripts, more keys, ages, months and holidays -------------


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        # digits of any script read as digits; offsets and the text kept as written
        ("बुबाको फोन ९८४१५५५०१२ मा गर्नुहोस्", "९८४१५५५०१२", PhiType.PHONE),
        ("ဖုန်း ၀၉ ၅၅၅ ၂၂၃ ၄၄၆ ကို ဆက်ပါ", "၀၉ ၅၅၅ ၂၂၃ ၄၄၆", PhiType.PHONE),
        ("niece's mobile 91555123 if you need consent", "91555123", PhiType.PHONE),
        ("pls call 6555 4421 before ward round", "6555 4421", PhiType.PHONE),
        # national-service numbers are health-plan numbers; more id keys
        ("her NHS no. 943 555 5919 is on the letter", "943 555 5919", PhiType.HEALTH_PLAN_NUMBER),
        ("CHI 0101555123 for the Raigmore referral", "0101555123", PhiType.HEALTH_PLAN_NUMBER),
        ("Agnes Varga, TAJ 555 123 456, Szeged", "555 123 456", PhiType.HEALTH_PLAN_NUMBER),
        ("Jón, kt. 120555-2389, lagður inn", "120555-2389", PhiType.SSN),
        ("Mr Hossein R., national code 0015551234, admitted", "0015551234", PhiType.SSN),
        ("Ms Baiba K., personal code 45505121234, discharged", "45505121234", PhiType.SSN),
        ("Mme Benali, CIN AB555123, CNSS 555123456", "AB555123", PhiType.SSN),
        ("Mme Benali, CIN AB555123, CNSS 555123456", "555123456", PhiType.HEALTH_PLAN_NUMBER),
        ("Erdene, RD УБ55041218, хүлээн авсан", "УБ55041218", PhiType.SSN),
        ("Gogo Ndlovu, ID 55-123456-K-42, from Mutare", "55-123456-K-42", PhiType.SSN),
        ("abuela Rosa, carné 55101512345, vive sola", "55101512345", PhiType.SSN),
        ("Deda Mile, broj kartona UK-5512/24, ne jede", "UK-5512/24", PhiType.MRN),
        # ages over 89 in more languages, and approximate English ones after a name
        ("Guðrún, 94 ára, frá Ísafirði", "94 ára", PhiType.AGE_OVER_89),
        ("პაციენტი, 92 წლის, თბილისიდან", "92 წლის", PhiType.AGE_OVER_89),
        ("Пациентка, на 93 години, от Плевен", "93 години", PhiType.AGE_OVER_89),
        ("Pani Jana, 92letá, z Brna", "92letá", PhiType.AGE_OVER_89),
        ("நோயாளி, வயது 95, சென்னை", "வயது 95", PhiType.AGE_OVER_89),
        ("Baba Stana, devedeset pet godina, iz Užica", "devedeset pet godina", PhiType.AGE_OVER_89),
        (
            "Nain Elen, naw deg chwech oed, yn byw ar ei phen ei hun",
            "naw deg chwech oed",
            PhiType.AGE_OVER_89,
        ),
        ("Mr Okoro, ~93, lives alone in Enugu", "93", PhiType.AGE_OVER_89),
        ("Granny Mabel, nearly 100, from Tenby", "100", PhiType.AGE_OVER_89),
        ("our patient, née en 1929, fell at home", "née en 1929", PhiType.AGE_OVER_89),
        # day and month in more languages; holidays of more calendars
        ("primljena 14. marta u bolnicu", "14. marta", PhiType.DATE),
        ("prijatá 3. mája na internu", "3. mája", PhiType.DATE),
        ("lögð inn 2. febrúar", "2. febrúar", PhiType.DATE),
        ("stacionēta 11. augustā", "11. augustā", PhiType.DATE),
        ("ընդունվել է ապրիլի 12-ին", "ապրիլի 12-ին", PhiType.DATE),
        ("ចូលពេទ្យ ថ្ងៃទី ៣ មីនា", "ថ្ងៃទី ៣ មីនា", PhiType.DATE),
        ("our patient fell at home during Dashain, hip fracture", "Dashain", PhiType.DATE),
        # a described mark, the only child of a rare disease in a small place
        (
            "his eagle tattoo across the left forearm is all we have",
            "his eagle tattoo across the left forearm is all we have",
            PhiType.BIOMETRIC,
        ),
        (
            "the unknown patient has a burn scar across the right cheek",
            "a burn scar across the right cheek",
            PhiType.BIOMETRIC,
        ),
    ],
)
def test_ninth_round_forms(text: str, value: str, kind: PhiType) -> None:
    _assert_found(text, value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Look for a midline scar over the abdomen in these patients",
        "Keep the SSN on file only in the EHR, never in chat",
        "Diwali burns: keep sparklers away from children",
        "CI 0.82-1.12 for the primary outcome, n = 2,400",
        "死ねない、と言っていた方が今日は笑顔でした",
        "Kawasaki disease: give IVIG within 10 days",
        "У нас 95 коек и 12 врачей на смену",
    ],
)
def test_ninth_round_teaching_and_talk_pass(text: str) -> None:
    kinds = {(f.type, f.text) for f in check_phi(text, learned=False).findings}
    assert not kinds, kinds
