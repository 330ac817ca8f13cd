"""Controlled vocabularies for professional profiles: professions, specialties, COI kinds."""

from django.db import models


class Profession(models.TextChoices):
    PHYSICIAN = "physician", "Physician (attending)"
    RESIDENT = "resident", "Resident or fellow physician"
    MEDICAL_STUDENT = "medical_student", "Medical student"
    NURSE = "nurse", "Registered nurse"
    NURSE_PRACTITIONER = "nurse_practitioner", "Nurse practitioner"
    PHYSICIAN_ASSISTANT = "physician_assistant", "Physician assistant"
    PHARMACIST = "pharmacist", "Pharmacist"
    RESEARCHER = "researcher", "Researcher or scientist"
    ALLIED_HEALTH = "allied_health", "Other health professional"
    PATIENT_ADVOCATE = "patient_advocate", "Patient advocate"
    PATIENT_CAREGIVER = "patient_caregiver", "Patient or caregiver"
    ORGANISATION = "organisation", "Association or organisation"
    UNDISCLOSED = "", "Not stated"


CLINICIAN_PROFESSIONS = frozenset(
    {
        Profession.PHYSICIAN,
        Profession.RESIDENT,
        Profession.NURSE,
        Profession.NURSE_PRACTITIONER,
        Profession.PHYSICIAN_ASSISTANT,
        Profession.PHARMACIST,
        Profession.ALLIED_HEALTH,
    }
)


class Specialty(models.TextChoices):
    NONE = "", "None / not applicable"
    ALLERGY_IMMUNOLOGY = "allergy_immunology", "Allergy and immunology"
    ANESTHESIOLOGY = "anesthesiology", "Anesthesiology"
    CARDIOLOGY = "cardiology", "Cardiology"
    CARDIOTHORACIC_SURGERY = "cardiothoracic_surgery", "Cardiothoracic surgery"
    CRITICAL_CARE = "critical_care", "Critical care medicine"
    DERMATOLOGY = "dermatology", "Dermatology"
    EMERGENCY_MEDICINE = "emergency_medicine", "Emergency medicine"
    ENDOCRINOLOGY = "endocrinology", "Endocrinology"
    FAMILY_MEDICINE = "family_medicine", "Family medicine"
    GASTROENTEROLOGY = "gastroenterology", "Gastroenterology"
    GENERAL_SURGERY = "general_surgery", "General surgery"
    GERIATRICS = "geriatrics", "Geriatric medicine"
    GYNECOLOGIC_ONCOLOGY = "gynecologic_oncology", "Gynecologic oncology"
    HEMATOLOGY = "hematology", "Hematology"
    HOSPITAL_MEDICINE = "hospital_medicine", "Hospital medicine"
    INFECTIOUS_DISEASE = "infectious_disease", "Infectious disease"
    INTERNAL_MEDICINE = "internal_medicine", "Internal medicine"
    MEDICAL_GENETICS = "medical_genetics", "Medical genetics"
    MEDICAL_ONCOLOGY = "medical_oncology", "Medical oncology"
    NEONATOLOGY = "neonatology", "Neonatology"
    NEPHROLOGY = "nephrology", "Nephrology"
    NEUROLOGY = "neurology", "Neurology"
    NEURO_ONCOLOGY = "neuro_oncology", "Neuro-oncology"
    NEUROSURGERY = "neurosurgery", "Neurosurgery"
    NURSING = "nursing", "Nursing"
    OBSTETRICS_GYNECOLOGY = "obstetrics_gynecology", "Obstetrics and gynecology"
    OPHTHALMOLOGY = "ophthalmology", "Ophthalmology"
    ORTHOPAEDIC_SURGERY = "orthopaedic_surgery", "Orthopaedic surgery"
    OTOLARYNGOLOGY = "otolaryngology", "Otolaryngology"
    PALLIATIVE_CARE = "palliative_care", "Hospice and palliative medicine"
    PATHOLOGY = "pathology", "Pathology"
    PEDIATRICS = "pediatrics", "Pediatrics"
    PHARMACY = "pharmacy", "Pharmacy"
    PHYSICAL_MEDICINE = "physical_medicine", "Physical medicine and rehabilitation"
    PLASTIC_SURGERY = "plastic_surgery", "Plastic surgery"
    PSYCHIATRY = "psychiatry", "Psychiatry"
    PUBLIC_HEALTH = "public_health", "Public health and preventive medicine"
    PULMONOLOGY = "pulmonology", "Pulmonology"
    RADIATION_ONCOLOGY = "radiation_oncology", "Radiation oncology"
    RADIOLOGY = "radiology", "Radiology"
    RHEUMATOLOGY = "rheumatology", "Rheumatology"
    SPORTS_MEDICINE = "sports_medicine", "Sports medicine"
    THORACIC_SURGERY = "thoracic_surgery", "Thoracic surgery"
    UROLOGY = "urology", "Urology"
    VASCULAR_SURGERY = "vascular_surgery", "Vascular surgery"
    MEDICAL_EDUCATION = "medical_education", "Medical education"
    OTHER = "other", "Other"


class COIRelationship(models.TextChoices):
    CONSULTING = "consulting", "Consulting"
    ADVISORY = "advisory", "Advisory board"
    SPEAKER = "speaker", "Speaker's bureau"
    STOCK = "stock", "Stock or ownership"
    RESEARCH_FUNDING = "research_funding", "Research funding"
    EMPLOYMENT = "employment", "Employment"
    ROYALTIES = "royalties", "Royalties or licensing"
    OTHER = "other", "Other"
