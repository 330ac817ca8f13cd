"""Primum: a professional network for clinicians that is safe by design."""
