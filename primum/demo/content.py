"""Word lists and templates for the demo community. Everything here is invented.

Names are combined from common given names and family names; hospitals, universities,
companies and associations are fictional. Posts teach, discuss papers, advocate and
support; none describes an identifiable patient ("post the pearl, not the patient").
"""

from __future__ import annotations

GIVEN_NAMES = [
    "Amara",
    "Lucas",
    "Priya",
    "Mateo",
    "Hannah",
    "Kwame",
    "Sofia",
    "Daniel",
    "Mei",
    "Omar",
    "Grace",
    "Tomas",
    "Aisha",
    "Noah",
    "Leila",
    "Ethan",
    "Ines",
    "Samuel",
    "Yuki",
    "Ravi",
    "Clara",
    "Jonah",
    "Fatima",
    "Elias",
    "Nadia",
    "Owen",
    "Rosa",
    "Isaac",
    "Zara",
    "Felix",
    "Maya",
    "Kofi",
    "Elena",
    "Arjun",
    "Lena",
    "Marcus",
    "Chioma",
    "Henrik",
    "Ana",
    "Diego",
    "Julia",
    "Tariq",
    "Beatriz",
    "Ming",
    "Sarah",
    "Luca",
    "Imani",
    "Pavel",
    "Alina",
    "Kenji",
    "Naomi",
    "Rafael",
    "Esther",
    "Malik",
    "Ingrid",
    "Theo",
    "Lucia",
    "Adebayo",
    "Vera",
    "Caleb",
]
FAMILY_NAMES = [
    "Okafor",
    "Brennan",
    "Raman",
    "Alvarez",
    "Lindqvist",
    "Mensah",
    "Castellano",
    "Whitfield",
    "Tanaka",
    "Haddad",
    "Osei",
    "Novak",
    "Farouk",
    "Delacroix",
    "Moreau",
    "Kowalski",
    "Iyer",
    "Adeyemi",
    "Petrov",
    "Sandoval",
    "Nakamura",
    "Okonkwo",
    "Bergstrom",
    "Quintero",
    "Halloran",
    "Achebe",
    "Varga",
    "Sorensen",
    "Chaudhry",
    "Mbeki",
    "Rasmussen",
    "Ferreira",
    "Kaplan",
    "Oyelaran",
    "Marchetti",
    "Lindgren",
    "Abara",
    "Takahashi",
    "Vasquez",
    "Kimura",
    "Nwosu",
    "Holloway",
    "Esposito",
    "Amini",
    "Gallagher",
    "Park",
    "Wojcik",
    "Duarte",
    "Fontaine",
    "Hakimi",
    "Ashworth",
    "Ibarra",
    "Lombardi",
    "Eze",
    "Strand",
    "Ventura",
    "Kaur",
    "Dimitrov",
]

HOSPITALS = [
    "Northgate Valley Medical Center",
    "St. Aurelia University Hospital",
    "Cedar Ridge Children's Hospital",
    "Meridian Bay Cancer Institute",
    "Riverbend Community Health",
    "Halvorsen Academic Medical Center",
    "Pine Hollow Regional Hospital",
    "Lakemont School of Medicine",
    "Wrenfield University Health",
    "Bright Harbor Family Clinic",
    "Eastmoor Veterans Medical Center",
    "Silverlake Heart Institute",
    "Granite Falls County Hospital",
    "Oakhaven Rehabilitation Hospital",
]
RESEARCH_PLACES = [
    "Wrenfield University, Dept. of Epidemiology",
    "Lakemont Institute for Health Data",
    "Meridian Bay Cancer Institute, Translational Lab",
    "Halvorsen Center for Outcomes Research",
]
COMPANIES = [
    "Novaterra Pharmaceuticals",
    "Axiom Biologics",
    "Lumen Diagnostics",
    "Cardiosense Devices",
    "Helix Path Genomics",
    "Bluewater Health Analytics",
]
ASSOCIATION = {
    "handle": "clinvoices_assoc",
    "display_name": "Society of Clinical Communicators",
    "credentials": "",
    "affiliation": "Professional association (fictional, demo)",
    "bio": (
        "A professional association supporting clinicians who communicate in public. "
        "We collect reports of online harassment from members and publish guidance on "
        "safe, ethical engagement. #hcldr #meded"
    ),
}

# specialty value -> (short label, hashtags, topics). Topics fill the pearl templates.
SPECIALTIES = {
    "medical_oncology": (
        "oncology",
        ["bcsm", "lcsm", "oncology", "cancersurvivor"],
        [
            "HER2-low breast cancer",
            "EGFR-mutant lung cancer",
            "immunotherapy-related colitis",
            "neutropenic fever",
            "tumour board consensus",
            "financial toxicity",
        ],
    ),
    "gynecologic_oncology": (
        "gyn onc",
        ["gyncsm", "ovariancancer", "oncology"],
        [
            "PARP inhibitor maintenance",
            "BRCA testing after an ovarian cancer diagnosis",
            "HPV vaccination and cervical cancer",
            "lymphedema after surgery",
        ],
    ),
    "neuro_oncology": (
        "neuro-onc",
        ["btsm", "braintumor", "oncology"],
        [
            "steroid tapering after glioma surgery",
            "seizure prophylaxis",
            "cognitive rehabilitation",
            "caregiver fatigue",
        ],
    ),
    "radiation_oncology": (
        "rad onc",
        ["radonc", "bcsm", "lcsm"],
        [
            "hypofractionation",
            "SBRT for oligometastatic disease",
            "radiation dermatitis",
            "palliative single-fraction RT",
        ],
    ),
    "cardiology": (
        "cardiology",
        ["cardiotwitter", "medtwitter"],
        [
            "SGLT2 inhibitors in heart failure",
            "troponin interpretation",
            "anticoagulation in atrial fibrillation",
            "lipoprotein(a)",
        ],
    ),
    "emergency_medicine": (
        "EM",
        ["foamed", "foamem", "medtwitter"],
        [
            "sepsis bundles",
            "the HEART score",
            "airway first-pass success",
            "point-of-care ultrasound",
            "ED boarding",
        ],
    ),
    "critical_care": (
        "critical care",
        ["foamcc", "foamed"],
        [
            "fluid responsiveness",
            "prone positioning",
            "delirium prevention",
            "family meetings in the ICU",
        ],
    ),
    "internal_medicine": (
        "IM",
        ["medtwitter", "meded", "foamed"],
        [
            "hyponatremia workup",
            "deprescribing in older adults",
            "diagnostic momentum",
            "the physical exam",
        ],
    ),
    "hospital_medicine": (
        "hospitalist",
        ["medtwitter", "hospitalmedicine"],
        ["discharge before noon", "handoffs", "sliding-scale insulin", "early mobility"],
    ),
    "family_medicine": (
        "family medicine",
        ["medtwitter", "primarycare"],
        ["blood pressure control", "cancer screening", "continuity of care", "vaccine hesitancy"],
    ),
    "pediatrics": (
        "peds",
        ["pedsicu", "medtwitter", "vaccineswork"],
        ["bronchiolitis", "febrile infants", "fever phobia", "adolescent confidentiality"],
    ),
    "infectious_disease": (
        "ID",
        ["idtwitter", "foamed"],
        [
            "antibiotic stewardship",
            "penicillin allergy delabelling",
            "OPAT",
            "C. difficile recurrence",
        ],
    ),
    "psychiatry": (
        "psychiatry",
        ["psychtwitter", "mentalhealth"],
        ["clinician burnout", "lithium monitoring", "catatonia", "suicide risk screening"],
    ),
    "palliative_care": (
        "palliative",
        ["hpm", "hcldr"],
        ["goals-of-care conversations", "opioid rotation", "dyspnea at end of life", "grief"],
    ),
    "neurology": (
        "neuro",
        ["neurotwitter", "foamed"],
        ["stroke thrombolysis windows", "status epilepticus", "headache red flags", "migraine"],
    ),
    "general_surgery": (
        "surgery",
        ["surgtwitter", "meded"],
        ["appendicitis without surgery", "ERAS pathways", "surgical checklists", "hernia repair"],
    ),
    "medical_education": (
        "med ed",
        ["meded", "foamed", "hcldr"],
        ["feedback that works", "competency-based assessment", "bedside teaching", "the match"],
    ),
    "public_health": (
        "public health",
        ["publichealth", "hcldr", "vaccineswork"],
        ["health equity", "measles outbreaks", "heat and health", "misinformation"],
    ),
    "nursing": (
        "nursing",
        ["nursetwitter", "nurses", "hcldr"],
        ["safe staffing ratios", "pressure injury prevention", "night shift", "nurse mentorship"],
    ),
    "pharmacy": (
        "pharmacy",
        ["pharmacy", "foamed"],
        ["drug interactions", "renal dosing", "drug shortages", "biosimilars"],
    ),
    "dermatology": (
        "derm",
        ["dermtwitter", "medtwitter"],
        ["skin of colour in textbooks", "melanoma screening", "eczema", "teledermatology"],
    ),
    "nephrology": (
        "nephro",
        ["nephtwitter", "foamed"],
        ["AKI staging", "hyperkalemia", "dialysis decisions", "CKD and SGLT2 inhibitors"],
    ),
}

PHYSICIAN_SPECIALTIES = [
    "medical_oncology",
    "medical_oncology",
    "gynecologic_oncology",
    "neuro_oncology",
    "radiation_oncology",
    "cardiology",
    "emergency_medicine",
    "emergency_medicine",
    "critical_care",
    "internal_medicine",
    "internal_medicine",
    "hospital_medicine",
    "family_medicine",
    "pediatrics",
    "infectious_disease",
    "psychiatry",
    "palliative_care",
    "neurology",
    "general_surgery",
    "medical_education",
    "public_health",
    "dermatology",
    "nephrology",
]

# profession -> (share of accounts in per mille, credentials choices, specialty choices)
PROFESSIONS = [
    (
        "physician",
        400,
        ["MD", "MD, FACP", "DO", "MD, PhD", "MBBS", "MD, MPH", "MD, FACC", "MD, FACEP"],
        PHYSICIAN_SPECIALTIES,
    ),
    ("resident", 120, ["MD", "DO", "MBBS"], PHYSICIAN_SPECIALTIES),
    ("medical_student", 80, ["MS2", "MS3", "MS4"], ["medical_education", ""]),
    ("nurse", 100, ["RN, BSN", "RN, OCN", "RN, CCRN", "MSN, RN"], ["nursing"]),
    ("nurse_practitioner", 50, ["MSN, FNP-BC", "DNP, AGACNP-BC"], ["nursing", "medical_oncology"]),
    ("physician_assistant", 40, ["PA-C", "MPAS, PA-C"], ["emergency_medicine", "general_surgery"]),
    ("pharmacist", 50, ["PharmD", "PharmD, BCOP", "PharmD, BCIDP"], ["pharmacy"]),
    ("researcher", 50, ["PhD", "MPH, PhD", "ScD"], ["public_health", "medical_oncology"]),
    ("patient_advocate", 60, [""], ["medical_oncology", "neuro_oncology", "gynecologic_oncology"]),
    ("patient_caregiver", 50, [""], ["medical_oncology", "neuro_oncology", "public_health"]),
]

BIOS = {
    "physician": [
        "{label} physician at {place}. I teach, I see patients, I read too many papers. {tags}",
        "Attending in {label}. Interested in {topic} and in making evidence usable at the bedside. {tags}",
        "{label} doc. Clinician-educator. Here for the pearls and the people. {tags}",
    ],
    "resident": [
        "{label} resident at {place}. Learning out loud. {tags}",
        "PGY-{year} in {label}. Coffee, call and {topic}. {tags}",
    ],
    "medical_student": [
        "Medical student at {place}. Future {label} maybe. Asking lots of questions. {tags}",
        "MS{year}. Interested in med ed and {topic}. {tags}",
    ],
    "nurse": [
        "Registered nurse, {label}, at {place}. Nurses are the backbone. {tags}",
        "Night-shift RN. Patient safety nerd. {tags}",
    ],
    "nurse_practitioner": ["Nurse practitioner at {place}. Interested in {topic}. {tags}"],
    "physician_assistant": ["PA in {label} at {place}. Team-based care advocate. {tags}"],
    "pharmacist": ["Clinical pharmacist at {place}. Ask me about {topic}. {tags}"],
    "researcher": ["Researcher at {place}. Methods, data and {topic}. {tags}"],
    "patient_advocate": [
        "Patient advocate. Living with cancer since {since}. Co-moderator of a weekly tweet chat. {tags}",
        "Advocate for patients and caregivers. Nothing about us without us. {tags}",
    ],
    "patient_caregiver": [
        "Caregiver and learner. Here to understand and to support others. {tags}",
        "Patient. Sharing what helped me, not medical advice. {tags}",
    ],
}

DISCLAIMERS = [
    "Views are my own.",
    "Views are my own, not my employer's. Not medical advice.",
    "Personal account. Nothing here is individual medical advice.",
    "Opinions mine. Retweets and likes are not endorsements.",
]

# --- Post templates -----------------------------------------------------------------------
# Slots: {topic} {topic2} {tag} {tag2} {mention} {label} {place} {n} {pct}

PEARLS = [
    "Pearl on {topic}: check the basics twice before reaching for the fancy test. #{tag}",
    "Teaching point from today's rounds: with {topic}, the history still does most of the work. #{tag} #meded",
    "Quick #{tag} thread on {topic}. 1/ Start with the question you are trying to answer, then pick the test.",
    "Three things I wish I had known earlier about {topic}: ask early, document clearly, follow up. #{tag}",
    "Common pitfall with {topic}: anchoring on the first number you see. Re-check the trend. #{tag} #foamed",
    "If you remember one thing about {topic} today: communicate the plan to the whole team. #{tag}",
    "New visual abstract on {topic} for our residents. Feedback welcome! #{tag} #meded",
    "Myth vs fact on {topic}, in plain language for patients and families. #{tag}",
]
PAPERS = [
    "Journal club this week: a new trial on {topic}. Effect size is modest and the confidence interval is wide. Thoughts? #{tag}",
    "Interesting cohort study on {topic}: {pct}% relative reduction, but look at who was excluded. #{tag} #medtwitter",
    "Reading the supplement matters. The {topic} paper everyone is sharing changed its primary endpoint. #{tag}",
    "Meta-analysis on {topic} out today. {n} trials, high heterogeneity. I would not change practice yet. #{tag}",
    "Our group's poster on {topic} is up at the conference today. Come say hi! #{tag}",
]
ADVOCACY = [
    "Clinicians who speak up in public deserve support, not pile-ons. Block, mute, report, document. #hcldr",
    "Reminder: post the pearl, not the patient. No dates, no locations, no details that identify anyone. #{tag}",
    "Health equity is not a side project. Who is missing from the {topic} trials? #hcldr #{tag}",
    "Proud of our nurses at {place} this week. Safe staffing saves lives. #nursetwitter #hcldr",
    "We need better data on online harassment of clinicians. If it happened to you, write it down. #hcldr",
    "Tonight's #{tag} chat: {topic}. Patients, caregivers and clinicians all welcome. 9pm ET.",
    "Burnout is a systems problem, not a resilience deficit. #{tag} #hcldr",
]
PATIENT = [
    "Three years out from treatment today. Grateful for my team and for this community. #{tag}",
    "Question for the #{tag} community: how did you prepare for your first oncology visit?",
    "What helped me most with {topic} was a nurse who took ten minutes to explain it. #{tag}",
    "Scan week. If you know, you know. #{tag} #scanxiety",
    "Thank you to everyone in last night's #{tag} chat. I learned so much about {topic}.",
    "Caregivers need care too. Reaching out for help is not weakness. #{tag}",
]
STUDENT = [
    "Today I presented on rounds for the first time. Shaking, but my attending was kind. #meded #{tag}",
    "Studying {topic} for boards. Any favourite #foamed resources?",
    "Shadowed a {label} team this week and finally understood {topic}. #meded",
    "Match season thoughts: be kind to yourselves, everyone. #meded #{tag}",
]
NURSING = [
    "Twelve-hour shift done. Our unit talked about {topic} in huddle today. #{tag}",
    "Nurses catch what monitors miss. Listen when a nurse says something is off. #{tag} #hcldr",
    "Precepting a new grad this month. Teaching {topic} again makes me better at it. #{tag}",
]
PHARMACY = [
    "Pharmacist tip: with {topic}, always check the renal function before you dose. #{tag}",
    "Another week, another drug shortage. We are working on alternatives for {topic}. #{tag}",
    "Med rec catches more than you think. Today it was {topic}. #{tag} #foamed",
]
RESEARCH = [
    "New preprint on {topic}. Data and code are open. Criticism welcome. #{tag}",
    "Reminder that a p-value is not the probability your hypothesis is true. #{tag} #meded",
    "Grant submitted on {topic}. Now we wait. #{tag}",
]
ASSOC = [
    "Our guide to safe public engagement for clinicians is updated: block, mute, report, document, get support. #hcldr",
    "Members: if you are targeted online, you can share an incident with us confidentially. #hcldr",
    "Webinar next week on {topic} and professionalism online. Free for members. #meded",
    "We stand with clinicians who share evidence in public. #hcldr #medtwitter",
]

REPLIES = [
    "Great point. We see the same with {topic} on our unit.",
    "Thanks for sharing! Saving this for our residents.",
    "Agree, and I would add: document the conversation too.",
    "Do you have the reference for this? Would love to read it.",
    "Respectfully, I read the data differently: the subgroup was small.",
    "This is so helpful for patients too. Thank you.",
    "We changed our protocol on {topic} last year and it made a real difference.",
    "Could not agree more. #{tag}",
    "Same question came up in our journal club. The methods section is key.",
    "Thank you for explaining this in plain language.",
    "Important nuance. Context matters for {topic}.",
    "Sending support. You are not alone in this.",
]
QUOTES = [
    "Worth reading for anyone who teaches {topic}. #meded",
    "This. Share with your teams. #{tag}",
    "An important thread from a colleague. #hcldr",
    "Adding to this: the patient perspective matters for {topic}. #{tag}",
    "Good discussion here. My take: the evidence is promising but not settled.",
]
MENTION_SUFFIXES = [" h/t @{handle}", " cc @{handle}", " Thoughts, @{handle}?"]

LINKS = [
    ("Department page", "https://{slug}.example.org/people"),
    ("Publications", "https://scholar.example.org/{slug}"),
    ("Personal site", "https://{slug}.example.net"),
]

COI_DESCRIPTIONS = [
    "Advisory board honoraria",
    "Speaker fees for educational talks",
    "Research funding to my institution",
    "Consulting on trial design",
]
