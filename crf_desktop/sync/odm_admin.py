"""ODM ``AdminData``: the users, the locations (sites and the centre) and the signature meanings.

Every user an audit record, a signature or a saved record names appears as a ``User`` (a user since removed from
a site's list still has their name kept), and every site that holds data appears as a ``Location``, so each
``UserRef``/``LocationRef`` in the clinical data resolves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from xml.etree import ElementTree as ET  # noqa: S405 - writing only

from crf_desktop.sync.dataset import TrialDataset, UserRow
from crf_desktop.sync.odm_metadata import MetaData
from crf_desktop.sync.odm_names import CENTRE_SITE, location_oid, sub, tag, user_oid

#: ODM's UserType for each crf-desktop role (``core.roles.Role`` values).
_USER_TYPES = {"investigator": "Investigator", "datamanager": "Sponsor", "monitor": "Sponsor"}
LEGAL_REASON = (
    "Electronic signature under 21 CFR Part 11: the signer re-entered their password at signing; the signature is "
    "bound to a SHA-256 hash of the signed content and becomes invalid when the signed data change"
)


@dataclass(frozen=True, kw_only=True)
class AdminRefs:
    """What the clinical data refer to: signature definition OIDs by meaning."""

    signature_defs: Mapping[str, str]


def _referenced_users(dataset: TrialDataset) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for user in dataset.users:
        seen[(user.site_id, user.username)] = None
    for audit in dataset.audit:
        seen.setdefault((audit.site_id, audit.user), None)
    for signature in dataset.signatures:
        seen.setdefault((signature.site_id, signature.username), None)
    for record in dataset.records:
        seen.setdefault((record.site_id, record.saved_by), None)
    return list(seen)


def referenced_sites(dataset: TrialDataset) -> list[str]:
    """Every site named anywhere in the dataset, sorted; the centre last."""
    sites = {s.site_id for s in dataset.sites}
    sites |= {u.site_id for u in dataset.users} | {s.site_id for s in dataset.subjects}
    sites |= {r.site_id for r in dataset.records} | {a.site_id for a in dataset.audit}
    sites |= {s.site_id for s in dataset.signatures}
    return sorted(sites, key=lambda s: (s == CENTRE_SITE, s))


def _user(parent: ET.Element, site: str, username: str, row: UserRow | None) -> None:
    attrs = {"OID": user_oid(site, username)}
    if row is not None:
        attrs["UserType"] = _USER_TYPES.get(row.role, "Other")
    user = sub(parent, "User", attrs)
    sub(user, "LoginName", text=username)
    if row is not None:
        sub(user, "DisplayName", text=f"{row.full_name} ({row.role})")
        sub(user, "FullName", text=row.full_name)
    sub(user, "Organization", text="Coordinating centre" if site == CENTRE_SITE else f"Site {site}")
    sub(user, "LocationRef", {"LocationOID": location_oid(site)})


def admin_element(dataset: TrialDataset, meta: MetaData) -> tuple[ET.Element, AdminRefs]:
    """The ``AdminData`` element for ``dataset``."""
    admin = ET.Element(tag("AdminData"), {"StudyOID": meta.study_oid})
    rows = {(u.site_id, u.username): u for u in dataset.users}
    for site, username in _referenced_users(dataset):
        _user(admin, site, username, rows.get((site, username)))
    effective = dataset.exported_at[:10]
    for site in referenced_sites(dataset):
        centre = site == CENTRE_SITE
        location = sub(admin, "Location", {"OID": location_oid(site),
                                           "Name": "Coordinating centre" if centre else f"Site {site}",
                                           "LocationType": "Sponsor" if centre else "Site"})
        sub(location, "MetaDataVersionRef", {"StudyOID": meta.study_oid, "MetaDataVersionOID": meta.version_oid,
                                             "EffectiveDate": effective})
    defs: dict[str, str] = {}
    for signature in dataset.signatures:
        if signature.meaning not in defs:
            oid = f"SD.{len(defs) + 1}"
            defs[signature.meaning] = oid
            definition = sub(admin, "SignatureDef", {"OID": oid, "Methodology": "Electronic"})
            sub(definition, "Meaning", text=signature.meaning)
            sub(definition, "LegalReason", text=LEGAL_REASON)
    return admin, AdminRefs(signature_defs=defs)
