"""Abstract base models shared by every Primum app."""

from django.db import models
from django.utils import timezone


class BaseModel(models.Model):
    """Timestamps every domain row carries. Times are always timezone-aware UTC."""

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
