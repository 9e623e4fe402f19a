"""Tests of the PDF exporter."""
