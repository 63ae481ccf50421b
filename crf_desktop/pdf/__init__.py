"""Printed CRFs (DESIGN.md section 7): pure rendering with reportlab of plain data (:mod:`.document`) built from
the form declarations; no database here (``services.printing`` gathers the data). Entry point: :func:`.render.render`.
"""
