"""Writes the PHI and advice evaluation sets from the marked-up sentences below.

    python bench/safety_phi_data.py

Every person, street, number and address is invented (phone numbers use 555). Identifiers are
marked `[[code|text]]` (markup may nest: a location inside a risky combination); the offsets
in the JSONL files are computed from the markup, so `text[start:end]` is exactly the marked
text. The heldout lists were written after the detector, in a different style, and are never
used for tuning.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from primum.safety.evaluation import BLIND_SPLITS
from primum.safety.training.phi_markup import parse, read_marked_file

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "primum" / "safety" / "evaldata"


DEV_PHI = """
[[n|Mrs. Alvarez]], [[a|92F]], seen on [[d|3/14]] with a hip fracture; MRN [[m|00482913]].
Call [[n|Mr. Okafor]]'s daughter on [[p|(555) 201-3344]] before rounds.
My patient [[n|Maria]] came back with the same rash after stopping the cream.
[[n|John Whitfield]], [[a|94-year-old]] retired farmer, admitted [[d|March 14th]] with sepsis.
Her son [[n|Kevin]] says she has been more confused since the fall.
Pt [[n|J. Smith]] DOB [[d|04/05/1931]] transferred from the nursing home.
Patient lives at [[l|123 Elm Street]] and cannot climb the stairs any more.
Email me the images at [[e|dr.patel.scans@example.com]] and I will look tonight.
Her SSN [[s|555-12-3456]] was printed on the referral letter, which is how I found her.
Discharged [[n|Mrs. Kowalski]] on [[d|June 2nd]] with home oxygen.
[[n|Ms. Delgado]] ([[a|aged 96]]) refused dialysis again today.
Baby [[n|Liam]] was born on [[d|12/01/2024]] at 34 weeks; mum is doing well.
Fax the discharge summary to [[f|555-201-9988]] please, the GP never gets them.
MRN [[m|77120045]] — can someone check why the potassium was not repeated?
The patient, [[n|Harold Jennings]], has an ICD with serial number [[dev|PX4471229]].
His member ID [[hp|XJH884412203]] was rejected so the scan was cancelled.
Wife [[n|Linda]] called from [[p|555-867-5309]] asking for results.
[[n|Mr. Nguyen]] lives in [[l|Duluth]] and drives two hours for every infusion.
He is the [[r|only progeria patient in [[l|Duluth]], seen last Friday]] at our clinic.
A [[a|101-year-old]] woman on warfarin with an INR of 9: what would you do?
[[n|Mrs. Brennan]]'s account number [[acc|448812-09]] went to collections over this admission.
Pt is [[a|93M]] with new AF and a fall, anticoagulate or not?
Social security number [[s|555-44-1209]] on the face sheet, please shred it.
His driver's licence [[lic|D4412-88291]] was found in the ambulance.
Tow truck took the car, plate [[v|7XYZ123]], the family wants it back.
Look at her blog, [[u|https://www.mariasjourney.example.com/cancer-diary]], she describes it well.
Login came from [[ip|192.168.44.12]] so it was the ward computer.
Case number [[id|CN-2024-00871]] for the coroner, patient died overnight.
The patient ID [[id|PT-449201]] is on the sample tube.
My patient [[n|Tom]] from [[l|Toledo]], [[a|91 yo]], had a stroke on [[d|Jan 3, 2024]].
[[n|Mrs. Patel]] was admitted [[d|02/11/2025]] to [[l|Riverside Memorial Hospital]] with DKA.
Her husband [[n|Robert]] can be reached at [[e|robert.h.1952@example.net]].
Patient [[n|Ana Ruiz]], MRN [[m|55102938]], in [[l|bed 12]], needs a repeat ECG.
[[n|Mr. Dawson]] is [[a|97 years old]] and still plays golf twice a week.
Our patient lives at [[l|48 Birchwood Lane]], [[l|Fargo, ND]] and has no car.
Seen [[n|Mrs. Oyelaran]] on [[d|Sept 9]] for a leg ulcer, better now.
Insurance policy number [[hp|POL-99812-A]] for the prior auth form.
The [[a|95-year-old]] gentleman in [[l|bay 3]] pulled out his NG again.
He texted from [[p|555.302.1187]] saying the swelling was worse.
Patient's Medicare number [[hp|1EG4-TE5-MK72]] is wrong on the claim.
Pacemaker serial [[dev|SN88213477]] was recalled, patient not told yet.
[[n|Jorge Mendez]] [[d|DOB 7/22/1950]], chest pain, troponin 2000.
[[n|Vanessa]], [[n|Mrs. Lindqvist]]'s daughter, phoned at [[p|+1 555 410 2299]].
MRN: [[m|30022817]], DOB [[d|1962-08-14]], allergic to penicillin.
Admitted on [[d|11/02]] with pneumonia, patient [[n|Eleanor Vance]] in [[l|room 412]].
She lives in [[l|Hamilton County]] and the nearest dialysis unit is an hour away.
Email her GP at [[e|gp.frontdesk@example.org]] with the letter.
Her VIN [[v|1HGCM82633A004352]] matched the car in the crash report.
The patient posted her story at [[u|www.facebook.com/jenny.ortiz.5555]] with her scans.
[[n|Mr. Thompson]], [[a|aged 90]], wants to go home to [[l|27 Harbour Road]].
I saw [[n|Mrs. Greene]] at [[l|St. Luke's Hospital]] on [[d|10 March 2025]].
[[n|Priya Raman]], lives in [[l|Fresno]], came in with her third DKA this year.
Pt [[n|K. O'Brien]], SSN [[s|555-90-1234]], MRN [[m|8812004]], for theatre.
Her account no. [[acc|AC-7781203]] is on the bill she asked me about.
Call the patient's cell [[p|555-219-7788]] to rebook the colonoscopy.
[[n|Mrs. Hargreaves]] died on [[d|Christmas Eve 2024]] at home with her family.
Patient is a [[a|99 y/o]] woman from [[l|Boise]] with aortic stenosis.
DEA number [[lic|AB1234563]] was used on forged scripts for my patient.
His insulin pump serial [[dev|IP-22910-XZ]] shows no boluses for two days.
[[n|Mr. Ferreira]] gave his email [[e|lferreira77@example.com]] for the portal.
Her granddaughter [[n|Chloe]] found her on the floor on [[d|5/30]].
Patient ID [[id|STU-0049]] in the trial had the same reaction.
[[n|Sam Whitaker]], a [[a|92 year old]] veteran, was admitted with urosepsis.
Medical record number [[m|MR-4402199]] has two patients merged, fix urgently.
Accession number [[id|ACC-55120-19]] — the path report is for the wrong patient.
Hospital account [[acc|HAR 99102284]] shows a duplicate charge for the CT.
NPI [[lic|1234567893]] on the script belongs to the patient's nephew.
The ED triage PC at [[ip|10.20.30.44]] shows her record open all night.
Contact her at [[e|akosua.mensah@example.co.uk]] or [[p|555-640-1122]].
Pt [[n|L. Fischer]], [[a|104-year-old]], DNR, family aware.
His licence plate [[v|LK19 XYZ]] was in the parking dispute with security.
Patient at [[l|Sunnyvale Care Home]] in [[l|room 7]] has scabies again.
[[n|Mr. Haddad]] lives at [[l|16 Cedar Court]], zip [[l|55802]], alone.
SSN: [[s|555 23 9988]] for the disability form please.
Meet [[n|Mrs. Yamamoto]], [[a|91F]], admitted [[d|August 3rd]] after a fall.
Seen [[n|Mr. Castillo]] in clinic on [[d|4/17/2025]]; BP still 180/100.
She uploaded a [[bio|full-face photo]] of the patient to the group chat.
We need her [[bio|fingerprint]] scan to release the medications from the cabinet.
The [[bio|retinal scan]] of the patient was saved to the shared drive.
Posting the patient's [[bio|voice recording]] is not OK, even for teaching.
I attached a [[bio|photo of his face]] so you can see the ptosis.
His wife [[n|Gloria]] and son [[n|Marcus]] are at the bedside.
Called [[n|Mrs. Ahmed]] at [[p|555-777-0192]], no answer.
Patient [[n|Ruth Abernathy]], [[a|aged 98]], lives in [[l|Peoria]] with her daughter.
DOB: [[d|03/09/1944]]; MRN: [[m|40919283]]; patient name: [[n|Hank Mills]].
The [[r|first case of rabies in [[l|Olmsted County]] this year, seen yesterday]], was a bat bite.
We admitted the [[r|only patient with FOP in Vermont this morning]], family is distraught.
A [[r|case of kuru in [[l|Tacoma]] last week]]? Surely not, but the MRI is odd.
[[r|Ebola in a traveller admitted to [[l|Riverside Memorial Hospital]] yesterday]]: all staff masks.
Health plan ID [[hp|HPN-002914-88]] was terminated on the same day as the surgery.
Her bank account [[acc|00912277-44]] was used for the fraudulent refund.
Licence number [[lic|L-98812-CA]] on the MVA report is the patient's.
Fax number for the patient's pharmacy is [[f|555-448-1200]].
Please fax the consent to [[f|(555) 903-2211]] before Monday.
Send the MRI disc, fax: [[f|555-310-4400]].
Device ID [[dev|DEV-00412288]] in the implant log matches the patient.
Visit number [[id|VN-8842001]] got linked to the wrong chart.
Study ID [[id|HEART-0192]] withdrew after the second dose.
Patient's IP was [[ip|172.16.254.1]] when she messaged the portal.
Her website [[u|http://sarahs-lupus-life.example.org/about]] has her full story.
IP [[ip|203.0.113.77]] logged in as the patient from abroad.
[[n|Mrs. O'Sullivan]] from [[l|Galway]] was on holiday here when she had the MI.
Dear all, [[n|Mr. Baptiste]] ([[d|DOB 1/2/1939]]) will need a bed on Monday.
[[n|Mrs. Tran]]'s nephew, [[n|Danny]], translated for her.
Her plate [[v|ABC-1234]] is on the CCTV from the car park incident.
My patient [[n|Aisha]] said the injections stopped working in [[d|May 2024]].
Patient emailed from [[e|t.brooks@example.com]] asking about the biopsy.
The [[a|90-year-old]] patient we discussed has been moved to [[l|ward 6]].
The patient's SSN is [[s|555-20-4417]] and it is all over the scanned referral.
SSN [[s|555-73-1180]] belongs to the wrong patient, check the wristband.
social security no. [[s|555-48-9902]] needed for the disability claim, ask [[n|Mrs. Ferris]].
Her social security number [[s|555 09 3321]] was read out in the waiting room.
Pt [[n|Omar Haddad]], SSN [[s|555-61-0045]], for the transplant list.
Patient's mobile is [[p|555-404-7781]], she prefers texts.
Ring [[n|Mr. Costa]] at [[p|(555) 622-1904]] with the biopsy result.
Her daughter's email is [[e|jo.mcallister@example.com]] for updates.
The patient wrote from [[e|bigfan_of_knitting@example.org]] asking for a sick note.
Send the letter to [[e|pt.records.2025@example.net]] and copy the GP.
""".strip().splitlines()

DEV_PEARL = """
Pearl: in a 70-year-old with new AF, check thyroid function.
45M with chest pain radiating to the back — think dissection before you give heparin.
Graves disease can present with apathetic hyperthyroidism in the elderly.
Addison crisis: give hydrocortisone first, investigate later.
Parkinson disease patients often miss doses in hospital; prescribe the exact times.
Cushing syndrome is underdiagnosed; a late-night salivary cortisol is a good first test.
The Mayo Clinic guidelines on perioperative anticoagulation are worth reading.
NEJM 2023 had a great review on hyponatraemia.
In 2019 the ACC changed the statin recommendations for primary prevention.
Dr. Lee presented at grand rounds on Friday about syncope.
Thanks to Dr. Sarah Kim for a brilliant lecture on sepsis fluids.
Congratulations to Maria Gonzalez on her fellowship award!
Tamoxifen can cause hot flushes in up to 80% of women.
Metformin is safe down to an eGFR of 30 with dose reduction.
BP 120/80 is not "normal" for every patient; look at the trend.
GCS 3/15 after a fall on anticoagulants means CT now.
3/4 of patients with PE have no leg symptoms.
Remember the Wells score is only useful with a pretest probability.
The Ottawa ankle rules save a lot of X-rays.
Boston criteria for cerebral amyloid angiopathy were updated.
Framingham risk score underestimates risk in some groups.
A 65F with fatigue and low sodium: check cortisol and TSH.
Child with limp and fever: septic arthritis until proven otherwise.
Always check a pregnancy test in women of childbearing age before CT.
Pearl: a 30-year-old with recurrent DVT needs a thrombophilia work-up only if it changes management.
A 52-year-old man with painless jaundice: think pancreatic cancer.
Hydroxychloroquine needs annual eye checks after five years.
Digoxin toxicity: yellow vision, nausea, and bidirectional VT.
Lithium levels rise with NSAIDs and ACE inhibitors.
Dr. Patel's talk on point-of-care ultrasound is on the conference website.
Prof. Jane Foster wrote the best chapter on renal tubular acidosis.
I presented our AKI audit at a conference in Boston last week.
Kawasaki disease: fever for five days plus four of five criteria.
Wilson disease should be on the list for any young patient with liver disease and tremor.
Hashimoto thyroiditis is the commonest cause of hypothyroidism in iodine-replete areas.
Crohn disease can skip segments; ulcerative colitis does not.
Horner syndrome with neck pain: carotid dissection.
Bell palsy: steroids within 72 hours.
Guillain-Barré: check FVC, not oxygen saturation.
A 40-year-old woman with headache and papilloedema: think IIH, but exclude venous sinus thrombosis.
Vancomycin troughs are out; AUC dosing is in.
The 2024 ESC guidelines lowered the threshold for treatment.
Warfarin and ciprofloxacin: watch the INR.
Patients over 75 with AF benefit from anticoagulation even with falls.
In elderly patients, start low and go slow.
A man in his 80s with new back pain and weight loss needs a myeloma screen.
Amiodarone causes thyroid problems both ways.
Ask about NSAIDs in anyone with a GI bleed.
QTc over 500 ms: stop the offending drugs and check potassium and magnesium.
Sodium correction: no more than 8-10 mmol/L in 24 hours.
Journal club this week: the DANISH trial on ICDs in non-ischaemic cardiomyopathy.
Kudos to Nurse Rachel for spotting the sepsis early on the night shift.
Dr. Maria Chen's paper on delirium prevention is now published.
The NICE guideline on chronic pain discourages opioids.
Our ED saw more flu cases this week than all of last winter.
Teaching point: ECG with S1Q3T3 is neither sensitive nor specific for PE.
Consider Lyme disease in anyone with facial palsy after hiking.
Beta blockers are not contraindicated in COPD.
Statins do not cause most of the muscle pain attributed to them.
Loop diuretics and gout: a common combination.
See https://doi.org/10.1056/NEJMra2000000 for the review.
The CDC page www.cdc.gov/flu/professionals has the current antiviral guidance.
Pemberton sign is a neat bedside test for retrosternal goitre.
Murphy sign is less reliable in the elderly.
Trousseau sign is more specific than Chvostek sign for hypocalcaemia.
Charcot foot: hot swollen foot in a diabetic, think of it before cellulitis.
Virchow triad still explains most VTE risk.
Addison disease and type 1 diabetes: falling insulin needs can be a clue.
A 60M smoker with haemoptysis needs a CT chest even with a normal X-ray.
Dose adjust gabapentin in renal failure; toxicity looks like confusion and myoclonus.
Pregnant woman with headache at 36 weeks: check BP and urine protein.
Ten percent of patients with appendicitis have a normal white count.
A normal D-dimer does not rule out PE in high-probability patients.
The Canadian CT head rule is validated; use it.
In 2020 we learned how much we could do by telemedicine.
Dr. Okonkwo and Dr. Singh ran a great simulation session today.
Welcome to our new registrar, Dr. Emily Clarke!
Spironolactone raises potassium; check it at one week.
Keep calm and check the glucose.
Children are not small adults: weight-based dosing every time.
The San Francisco syncope rule did not validate well.
Hypercalcaemia symptoms: stones, bones, groans, and psychiatric overtones.
Low-dose CT screening saves lives in heavy smokers aged 50 to 80.
Alcohol withdrawal can start as late as five days after the last drink.
Shout-out to the Glasgow team for the sepsis bundle audit.
Apixaban dose reduction needs two of three criteria: age, weight, creatinine.
An 85-year-old with delirium: look for urine retention and constipation first.
Gout in a woman before menopause is unusual; think of diuretics or kidney disease.
Colchicine interacts with clarithromycin; the combination can kill.
Ceftriaxone can cause biliary sludge in children.
The patient had a classic Osler node on the finger.
Cheyne-Stokes breathing in heart failure is a poor prognostic sign.
A 25-year-old runner with syncope on exertion needs an echo.
Use the CURB-65 score, not gut feeling, to decide admission for pneumonia.
The Denver shunt is rarely used now.
Great podcast by Dr. Marcus Webb on acid-base.
If the patient is not improving, reconsider the diagnosis.
Metoclopramide can cause dystonia in young women.
Oral vancomycin for C. diff, IV does nothing.
Penicillin allergy labels are wrong 90% of the time.
The Cleveland Clinic review on POTS is excellent.
Women present with atypical MI symptoms more often.
I stopped prescribing codeine to children years ago.
Trial results from March 2023 changed our practice on steroids in pneumonia.
Hypoglycaemia in a non-diabetic: check the insulin and C-peptide during the episode.
""".strip().splitlines()

HELDOUT_PHI = r"""
seen mrs [[n|Mrs Gallagher]] in clinic today, [[a|aged 94]], lives alone on [[l|Hawthorn Avenue]]
pt [[n|Deborah Quinlan]] dob [[d|14/02/1958]] - anyone know why her sodium keeps dropping?
Her NHS number [[m|485 777 3456]] is on the letter, which I should not have photographed.
ring the daughter on [[p|555 0192 334]]? no — it's [[p|(555) 301-7720]], she said.
@all my pt [[n|Gerald]] (the one from [[l|Spokane]]) finally had his CABG
[[n|Mr Abiodun Adeyemi]], [[a|96yo]], admitted under us with a GI bleed
mrn [[m|99120033]], ssn [[s|555-31-7744]] — sorry wrong chat, delete pls
emailed the family at [[e|the.hendersons@example.net]] with the update
Family friend [[n|Mrs. Wojcik]] drove her in from [[l|Kalamazoo]]
he is [[a|102]]! [[a|turned 102]] on [[d|9th of January]], still sharp as a tack
lives at [[l|9 Pennyroyal Close]], [[l|NE4 6PQ]] with two dogs and no stairs
her Aetna member number [[hp|W882104456]] keeps bouncing, any tips?
account [[acc|ACCT-2231907]] was billed twice for the same echo
scripts written on a stolen DEA [[lic|BK7782134]] — pt now in rehab
patient's car reg [[v|WX21 KLM]] blocking the ambulance bay again
pump serial no. [[dev|PMP-55-88120]] flagged by the manufacturer
her instagram [[u|instagram.com/lucy_fights_lupus]] shows the rash clearly
portal logins from [[ip|198.51.100.23]] at 3am, was that the pt?
fax results to [[f|555-772-1900]] (the nursing home)
bio-bank sample id [[id|BB-00219-X]] was mislabelled
the [[r|only child with harlequin ichthyosis in [[l|Fresno]], admitted today]], parents consented to nothing
[[r|a case of botulism at [[l|St. Jude Medical Center]] on Sunday]], reportable — ID team aware
pt [[n|R. Castellano]], [[a|91 y/o]], post-op day 2
My patient [[n|Bronwyn]] stopped her insulin after the hypo on [[d|1 Nov]]
wife called from [[p|555-889-0012]] asking for [[n|Mr Peterson]]'s results
her grandson [[n|Tyrese]] brought her in, very worried
SSN [[s|555 66 0193]], DOB [[d|06-30-1948]], for the insurance form
[[n|Eileen Dunphy]] was discharged to [[l|Oakwood Nursing Home]] yesterday
medical record # [[m|A7719003]] – wrong blood in tube
chart no. [[m|55001298]] has the consent scanned
pt at [[l|212 Lakeshore Drive]], [[l|Duluth, MN]] — district nurse to visit
Medicaid ID [[hp|MCD-7731092]] expired mid-admission
licence plate [[v|8KJD441]] on the hit and run, patient is the pedestrian
her husband's email: [[e|pmurphy_1960@example.org]]
IMEI [[dev|356938035643809]] of the tracker the family gave him
[[n|Ms Oduya]], [[a|age 93]], for palliative review
fax: [[f|+1 555 213 8800]] (cardiology referrals)
Specimen number [[id|SP-2025-88341]] belongs to the other patient
[[n|Mrs. Achterberg]] in [[l|bed 14]] keeps asking for her sister [[n|Ingrid]]
patient website [[u|https://www.thomas-als-journey.example.com]] lists his address
wifi log shows [[ip|10.1.1.254]] for the pt's laptop
emailed [[e|c.obi@example.com]] re: the MRI
DOB [[d|12/25/1933]], MRN [[m|10020349]], allergies nil
[[n|Mr. Lindgren]] was seen on [[d|Tuesday 4th March]] for follow-up
patient [[n|Yusuf Demir]] ssn [[s|555-81-2290]]
""".strip().splitlines()

HELDOUT_PEARL = r"""
tip: in anyone on an SGLT2 inhibitor with abdominal pain, check ketones even if glucose is normal
pearl — hypokalaemia that won't correct? check magnesium
Dr Okafor's lecture on DKA fluids was brilliant, slides on the intranet
85F with syncope: check orthostatics and review meds before the big work-up
Graves' ophthalmopathy can get worse after radioiodine; cover with steroids
Think of Addisonian crisis in the hypotensive patient on long-term prednisolone
the Glasgow-Blatchford score helps decide who can go home with an upper GI bleed
CHA2DS2-VASc of 2 in a man: anticoagulate
Cushing's triad means raised ICP, not Cushing's syndrome
grand rounds today: Prof. Helen Marsh on frailty, highly recommend
NEJM March 2024 review of GLP-1 agonists is worth your time
guidelines from the Cleveland Clinic and the Mayo Clinic disagree on bridging
in 2021 we stopped routine bridging for most warfarin patients
Dr. Rodriguez and I wrote a paper on this in 2018
three quarters of our sepsis patients had a lactate under 4
a 70 yo with new headache and jaw claudication: ESR, then steroids, then biopsy
metformin before contrast is fine in most patients
congrats to Dr. Aoife Byrne on passing the exam!
Parkinson's patients need their levodopa on time, every time
Hashimoto's can be painless; de Quervain's hurts
the Wells criteria are not for pregnant patients
the San Diego sepsis study showed nothing new
we audited 300 admissions from January to June; results at the meeting
if your patient has a fever and a new murmur, do three sets of blood cultures
heart failure with preserved EF is mostly a disease of older women
young man with chest pain after cocaine: avoid beta blockers
a baby with bilious vomiting is malrotation until proven otherwise
never give potassium as an IV push
check a lipase in any epigastric pain with vomiting
Crohn's perianal disease needs an MRI pelvis
hyponatraemia with low urine osmolality: think beer potomania
lots of flu this week in our ED, vaccinate your patients
Boston Scientific released new MRI-conditional labelling for its leads
Kussmaul breathing = metabolic acidosis until proven otherwise
great talk by Dr. James Reid at the conference in Leeds
Ottawa SAH rule: useful but not perfect
the Framingham study still shapes our risk calculators
an 88-year-old can still benefit from TAVI
doxycycline: take it upright with water
statin myalgia is usually nocebo; rechallenge works
Osler's nodes are painful, Janeway lesions are not
the Denver criteria for blunt cerebrovascular injury screening are evolving
Kernig and Brudzinski signs are insensitive
loved the journal club today, thanks Dr. Siobhan Walsh
consider TB in any immigrant with a chronic cough
""".strip().splitlines()

ADVICE_DEV: list[tuple[bool, str]] = [
    (True, "You should stop your tamoxifen if the hot flushes are that bad."),
    (True, "Take 20 mg twice a day and you'll be fine."),
    (True, "Double your metformin, your sugars are clearly too high."),
    (True, "Don't get the biopsy, it's probably nothing."),
    (True, "You don't need chemo for a tumour that small."),
    (True, "Your rash is shingles, get acyclovir today."),
    (True, "You need to start insulin, honestly."),
    (True, "Just stop the statin, the muscle pain isn't worth it."),
    (True, "If I were you I'd skip the radiotherapy."),
    (True, "You must increase your levothyroxine to 100 mcg."),
    (True, "Stop taking your blood thinners before the dental work."),
    (True, "You should come off the steroids slowly over two weeks."),
    (True, "Your lump sounds like a cyst, no need to worry."),
    (True, "You really need to get the colonoscopy this month."),
    (True, "Cut your prednisolone in half from tomorrow."),
    (True, "You shouldn't take ibuprofen with your kidneys."),
    (True, "Try 50 mg of sertraline, it worked for my patients."),
    (True, "Switch to apixaban, warfarin is old news."),
    (True, "You don't need antibiotics for that, it's viral."),
    (True, "Your symptoms are just anxiety."),
    (True, "Take 2 puffs of your inhaler every four hours."),
    (True, "You ought to halve the gabapentin dose."),
    (True, "Go off the pill for a few months and see."),
    (True, "Your chest pain sounds like reflux, take omeprazole."),
    (True, "You need surgery, no question."),
    (True, "Restart your methotrexate once the infection clears."),
    (True, "You should refuse the MRI, the contrast is risky for you."),
    (True, "Avoid the vaccine this year given your history."),
    (True, "Skip your evening dose of insulin if you haven't eaten."),
    (True, "Your results are fine, you can stop the lithium."),
    (True, "Increase the morphine to 10 mg every four hours."),
    (True, "You have to keep taking the antibiotics even if you feel better."),
    (True, "Honestly you'd better stop the Ozempic before the surgery."),
    (True, "Don't take the letrozole with grapefruit."),
    (True, "Drop the amlodipine, that's what's causing the swelling."),
    (True, "Your headache is a migraine, take 400 mg ibuprofen."),
    (True, "You should get the booster now rather than wait."),
    (True, "Stop the HRT, it's not worth the risk for you."),
    (True, "Your BP is too high, double the lisinopril."),
    (True, "Take 1000 mg paracetamol four times a day for a week."),
    (True, "I would stop your warfarin before the procedure."),
    (True, "You don't need the scan, it will just worry you."),
    (False, "Tamoxifen can cause hot flushes in many women."),
    (False, "Guidelines recommend 20 mg daily for most adults."),
    (False, "Ask your doctor whether stopping tamoxifen is an option for you."),
    (False, "Many patients in trials took metformin for years without problems."),
    (False, "I stopped my own statin because of cramps, then restarted it."),
    (False, "Shingles is usually treated with antivirals when caught early."),
    (False, "Talk to your oncologist about the side effects; there are options."),
    (False, "Biopsies are generally safe, but every procedure has risks."),
    (False, "Chemo decisions depend on tumour size, grade and receptors."),
    (False, "It's worth asking your GP if the dose is right for you."),
    (False, "Most people on insulin learn to adjust with their diabetes team."),
    (False, "Statins can cause muscle aches in a minority of people."),
    (False, "Here is a leaflet on how radiotherapy works."),
    (False, "The usual starting dose of levothyroxine depends on age and heart disease."),
    (False, "Steroids should generally be tapered after long courses."),
    (False, "Please see your doctor about any new lump."),
    (False, "Colonoscopy is recommended from age 45 in the US."),
    (False, "Prednisolone can raise blood sugar."),
    (False, "NSAIDs can harm the kidneys in older adults."),
    (False, "Sertraline is one of the most studied antidepressants."),
    (False, "Apixaban and warfarin both prevent strokes in AF."),
    (False, "Antibiotics don't work against viruses."),
    (False, "Anxiety can cause real physical symptoms like chest tightness."),
    (False, "Inhaler technique matters more than most people think."),
    (False, "I'm sorry you're going through this; your care team is best placed to help."),
    (False, "Surgery is one option among several for this condition."),
    (False, "Methotrexate is usually paused during serious infections."),
    (False, "Contrast reactions are rare."),
    (False, "Flu vaccines are recommended for most adults every year."),
    (False, "Please check with your pharmacist before taking new supplements."),
    (False, "Lithium needs regular blood tests."),
    (False, "Morphine doses are individual and adjusted by the palliative team."),
    (False, "Finishing a course of antibiotics is no longer always advised; ask your prescriber."),
    (False, "Ozempic is often paused before surgery; your surgeon will tell you."),
    (False, "Grapefruit interacts with several medications."),
    (False, "Ankle swelling is a common side effect of amlodipine."),
    (False, "Migraines often respond to simple analgesics taken early."),
    (False, "Boosters are offered to people over 65 this autumn."),
    (False, "HRT risks and benefits depend on age and timing."),
    (False, "High blood pressure often needs more than one medicine."),
    (False, "Paracetamol has a maximum daily dose; the leaflet says it."),
    (False, "In my experience patients do well after this operation."),
    (False, "Scans can find incidental things that worry people."),
]

ADVICE_HELDOUT: list[tuple[bool, str]] = [
    (True, "honestly just ditch the antidepressants, they're making you worse"),
    (True, "u should def stop the tamoxifen, my aunt did"),
    (True, "take 5 mg melatonin every night, sorted"),
    (True, "your mole looks like melanoma, get it cut out"),
    (True, "no need for the biopsy, you don't need the biopsy at your age"),
    (True, "you should switch to the patch instead of the pill"),
    (True, "you need to up your insulin by 4 units"),
    (True, "your pain is sciatica, take naproxen and rest"),
    (True, "stop your aspirin now, the bleeding risk is too high"),
    (True, "don't start the immunotherapy, it's poison"),
    (True, "if I were you, I'd refuse the dialysis"),
    (True, "you must not take the codeine while breastfeeding your baby"),
    (True, "halve your bisoprolol if your pulse is under 50"),
    (True, "you don't need radiotherapy after that surgery"),
    (True, "your cough is asthma, use the blue inhaler"),
    (True, "you should taper the prednisone over 10 days starting tomorrow"),
    (True, "try 300 mg of gabapentin at night"),
    (True, "get the mammogram now, don't wait for the letter"),
    (True, "your symptoms are menopause, start HRT"),
    (True, "quit the metformin, diet will do"),
    (False, "metformin can cause stomach upset at first"),
    (False, "guidelines suggest most adults over 50 consider screening"),
    (False, "ask your doctor whether the patch would suit you better"),
    (False, "I quit my own antidepressants too fast once and regretted it"),
    (False, "many patients in the trial took 300 mg at night"),
    (False, "melanoma is more likely if a mole changes shape or colour"),
    (False, "dialysis decisions are very personal; talk to your renal team"),
    (False, "codeine is not recommended for breastfeeding mothers in general"),
    (False, "bisoprolol slows the heart rate"),
    (False, "radiotherapy after surgery reduces recurrence in some cancers"),
    (False, "asthma and reflux can both cause a chronic cough"),
    (False, "prednisone tapers vary with the length of treatment"),
    (False, "gabapentin can cause dizziness"),
    (False, "mammograms are offered every two to three years in many countries"),
    (False, "menopause symptoms vary a lot between women"),
    (False, "diet changes can lower blood sugar for some people with type 2 diabetes"),
    (False, "sorry to hear this, please speak to your GP tomorrow"),
    (False, "aspirin is no longer recommended for primary prevention in most older adults"),
    (False, "immunotherapy side effects can appear months later"),
    (False, "you might want to write down your questions before the appointment"),
]


def blind_rows(path: Path, split: str = "blind") -> list[dict[str, object]]:
    """A blind set: `[PHI]` then `[PEARL]` lines in the same markup, in `path`.

    `safety_phi_blind.txt` was written on 2026-12-01, `safety_phi_blind2.txt` on 2026-12-02,
    `safety_phi_blind3.txt` on 2026-12-07 (before that day's changes) and
    `safety_phi_blind4.txt` the same day (before the second round of changes) and
    `safety_phi_blind5.txt` by 06:29 UTC (before the third), `safety_phi_blind6.txt` at about
    07:30 UTC (after the third), `safety_phi_blind7.txt` at about 09:00 UTC (before the
    fourth), `safety_phi_blind8.txt` at about 11:50 UTC (before the fifth) and
    `safety_phi_blind9.txt` at about 13:15 UTC (after the fifth; not read that day), each by a writer (an AI assistant)
    who was not allowed to open the PHI guard, this script or the other sets, after the guard's
    last change. blind … blind4 were read to fix errors on 2026-12-07 (they are development
    data since), blind5 after blind6 was written, blind6 after blind7 was written, blind7
    after blind8 was written; blind8 and blind9 are never used to tune.
    """
    return read_marked_file(path, split, split)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, object]] = []
    for split, kind, lines in (
        ("dev", "phi", DEV_PHI),
        ("dev", "pearl", DEV_PEARL),
        ("heldout", "phi", HELDOUT_PHI),
        ("heldout", "pearl", HELDOUT_PEARL),
    ):
        for n, line in enumerate(lines, 1):
            text, spans = parse(line)
            if kind == "pearl" and spans:
                raise ValueError(f"a pearl with identifiers: {line!r}")
            if kind == "phi" and not spans:
                raise ValueError(f"a PHI post without spans: {line!r}")
            rows.append(
                {
                    "id": f"{split}-{kind}-{n:03d}",
                    "text": text,
                    "spans": spans,
                    "kind": kind,
                    "split": split,
                }
            )
    with (OUT / "phi.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    for split in BLIND_SPLITS:
        blind = blind_rows(Path(__file__).resolve().parent / f"safety_phi_{split}.txt", split)
        with (OUT / f"phi_{split}.jsonl").open("w", encoding="utf-8") as handle:
            for row in blind:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    advice_rows = [
        {"id": f"{split}-advice-{n:03d}", "text": text, "individual_advice": label, "split": split}
        for split, items in (("dev", ADVICE_DEV), ("heldout", ADVICE_HELDOUT))
        for n, (label, text) in enumerate(items, 1)
    ]
    with (OUT / "advice.jsonl").open("w", encoding="utf-8") as handle:
        for row in advice_rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"wrote {len(rows)} PHI rows and {len(advice_rows)} advice rows to {OUT}", file=sys.stderr
    )


if __name__ == "__main__":
    main()
