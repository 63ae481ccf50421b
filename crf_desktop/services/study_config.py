"""The study configuration in force at the site, and installing a new one (issues 4 and 5; DESIGN.md section 6).

The centre issues the configuration in the site's enrolment file; the sync part calls
:func:`install_configuration` when a site is initialised from it, and an administrator may install a later one.
Each installation is a new version (``store.study_config``), audited in the same transaction; nothing is ever
overwritten. Until one is installed, :data:`~crf_desktop.forms.study_config.DEFAULT_STUDY_CONFIGURATION` applies.

Everything that depends on the configuration reads it here: the dashboard's visit windows, the visit-window
check of the visit form, the renal response definition of the outcomes (named with every result), the SLEDAI-2K
window of the SLEDAI form, the eGFR equation of the labs form, and whether disease measures are graded as
adverse events (:func:`grade_disease_measures_as_ae`, read by the adverse-event part).
"""

from __future__ import annotations

from crf_desktop.core.errors import UserInputError
from crf_desktop.core.roles import Permission
from crf_desktop.forms.study_config import DEFAULT_STUDY_CONFIGURATION, StudyConfiguration
from crf_desktop.services.session import Session
from crf_desktop.store import audit
from crf_desktop.store import study_config as store
from crf_desktop.store.study_config import InstalledConfiguration as InstalledConfiguration  # for the UI

__all__ = [
    "DEFAULT_STUDY_CONFIGURATION", "InstalledConfiguration", "StudyConfiguration", "configuration_history",
    "current_configuration", "grade_disease_measures_as_ae", "install_configuration", "installed_configuration",
]

MAX_SOURCE = 200


def current_configuration(session: Session) -> StudyConfiguration:
    """The configuration in force: the last one installed, or the default until one is (read once while the
    database is unchanged: every save and live check asks)."""
    db = session.site.db
    found = session.site.reads.get("study configuration", lambda: store.latest(db))
    return DEFAULT_STUDY_CONFIGURATION if found is None else found.configuration


def installed_configuration(session: Session) -> InstalledConfiguration | None:
    """The configuration in force with where it came from, who installed it and when (None: the default)."""
    return store.latest(session.site.db)


def configuration_history(session: Session) -> list[InstalledConfiguration]:
    """Every configuration the site installed, oldest first (who, when, from where)."""
    session.require(Permission.VIEW_AUDIT)
    return store.history(session.site.db)


def grade_disease_measures_as_ae(session: Session) -> bool:
    """Whether proteinuria and creatinine increased are graded as adverse events (clinical-rules.md §8.3)."""
    return current_configuration(session).grade_disease_measures_as_ae


def install_configuration(session: Session, config: StudyConfiguration, *, source: str) -> None:
    """Install ``config`` as the site's configuration (administrator, or at site initialisation).

    ``source`` says where it came from (the enrolment file's name, for instance) and is shown with it. Installing
    the configuration already in force changes nothing; any other installs a new version, audited with what
    changed from the previous one. Refused, naming the problem, when ``source`` is empty or too long.
    """
    session.require(Permission.CONFIGURE_STUDY)
    where = " ".join(source.split())
    if not where:
        raise UserInputError("say where the study configuration comes from (for example the enrolment file's name)")
    if len(where) > MAX_SOURCE:
        raise UserInputError(f"the study configuration's source is {len(where)} characters; at most {MAX_SOURCE}")
    db = session.site.db
    previous = store.latest(db)
    if previous is not None and previous.configuration.to_dict() == config.to_dict():
        return
    before = (previous.configuration if previous is not None else DEFAULT_STUDY_CONFIGURATION).summary()
    with db.atomic():
        installed = store.install(db, config, source=where, user=session.user.username)
        audit.append(db, user=session.user.username, action="study configuration installed",
                     old_value=before if previous is not None else f"(default) {before}",
                     new_value=f"version {installed.version}: {config.summary()}", reason=f"from {where}")
