<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Answer</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>Arm</name>
    <message>
        <source>Arm %1 — %2</source>
        <translation>Bras %1 — %2</translation>
    </message>
</context>
<context>
    <name>Arm choice</name>
    <message>
        <source>Why not IVIG</source>
        <translation>Pourquoi pas les IgIV</translation>
    </message>
    <message>
        <source>Why escalate to a biologic</source>
        <translation>Pourquoi passer à un biologique</translation>
    </message>
    <message>
        <source>IVIG intolerance</source>
        <translation>Intolérance aux IgIV</translation>
    </message>
    <message>
        <source>IVIG not available</source>
        <translation>IgIV non disponibles</translation>
    </message>
    <message>
        <source>No venous access</source>
        <translation>Pas d&apos;accès veineux</translation>
    </message>
    <message>
        <source>Care provider preference</source>
        <translation>Préférence du soignant</translation>
    </message>
    <message>
        <source>Uncontrolled disease</source>
        <translation>Maladie non contrôlée</translation>
    </message>
    <message>
        <source>Steroid or methotrexate toxicity</source>
        <translation>Toxicité des corticoïdes ou du méthotrexate</translation>
    </message>
    <message>
        <source>Steroid dependence</source>
        <translation>Corticodépendance</translation>
    </message>
    <message>
        <source>Family request</source>
        <translation>Demande de la famille</translation>
    </message>
    <message>
        <source>Internal organ involvement</source>
        <translation>Atteinte d&apos;organes internes</translation>
    </message>
    <message>
        <source>Severe ulcerative disease</source>
        <translation>Maladie ulcérée sévère</translation>
    </message>
</context>
<context>
    <name>ArmChoiceReasonsBox</name>
    <message>
        <source>Why this arm (for the comparison of the arms; optional)</source>
        <translation>Pourquoi ce bras (pour la comparaison des bras ; facultatif)</translation>
    </message>
    <message>
        <source>The study compares arms chosen in the clinic, not by chance: the reasons for the choice are recorded so the comparison can allow for them.</source>
        <translation>L&apos;étude compare des bras choisis en clinique, non tirés au sort : les raisons du choix sont enregistrées pour que la comparaison puisse en tenir compte.</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Autre :</translation>
    </message>
    <message>
        <source>Another reason for this arm</source>
        <translation>Une autre raison pour ce bras</translation>
    </message>
    <message>
        <source>The other reason for this arm</source>
        <translation>L&apos;autre raison pour ce bras</translation>
    </message>
    <message>
        <source>Say what (not exported when de-identified)</source>
        <translation>Précisez (non exporté si dépersonnalisé)</translation>
    </message>
    <message>
        <source>Why this arm</source>
        <translation>Pourquoi ce bras</translation>
    </message>
</context>
<context>
    <name>ArmSwitchDialog</name>
    <message>
        <source>Change arm — %1</source>
        <translation>Changer de bras — %1</translation>
    </message>
    <message>
        <source>Current arm: %1 (since %2).</source>
        <translation>Bras actuel : %1 (depuis le %2).</translation>
    </message>
    <message>
        <source>New arm</source>
        <translation>Nouveau bras</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>Reason for the switch</source>
        <translation>Motif du changement</translation>
    </message>
    <message>
        <source>Option of the new arm</source>
        <translation>Option du nouveau bras</translation>
    </message>
    <message>
        <source>Date of the switch</source>
        <translation>Date du changement</translation>
    </message>
    <message>
        <source>the start of the current arm</source>
        <translation>le début du bras actuel</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Notes on the switch</source>
        <translation>Remarques sur le changement</translation>
    </message>
    <message>
        <source>&amp;New arm:</source>
        <translation>&amp;Nouveau bras :</translation>
    </message>
    <message>
        <source>O&amp;ption:</source>
        <translation>&amp;Option :</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>&amp;Date of switch:</source>
        <translation>&amp;Date du changement :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Remarques :</translation>
    </message>
    <message>
        <source>The plan does not allow a switch from arm %1.</source>
        <translation>Le plan ne permet pas de quitter le bras %1.</translation>
    </message>
    <message>
        <source>Current measurements (doses are recomputed from these):</source>
        <translation>Mesures actuelles (les doses sont recalculées à partir de celles-ci) :</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>la date de naissance</translation>
    </message>
    <message>
        <source>Saving the switch</source>
        <translation>Enregistrement du changement</translation>
    </message>
    <message>
        <source>&amp;Switch arm</source>
        <translation>Changer de &amp;bras</translation>
    </message>
    <message>
        <source>— choose the option —</source>
        <translation>— choisir l&apos;option —</translation>
    </message>
    <message>
        <source>(no options)</source>
        <translation>(aucune option)</translation>
    </message>
    <message>
        <source>BSA: enter a valid weight and height</source>
        <translation>SC : entrez un poids et une taille valides</translation>
    </message>
    <message>
        <source>Not switched: %1</source>
        <translation>Bras non changé : %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When (local time)</source>
        <translation>Quand (heure locale)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Type d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Ancienne valeur</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Tout utilisateur</translation>
    </message>
    <message>
        <source>Any record type</source>
        <translation>Tout type d&apos;enregistrement</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>Text in field, values or reason</source>
        <translation>Texte dans le champ, les valeurs ou le motif</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrer</translation>
    </message>
    <message>
        <source>&amp;Print to PDF…</source>
        <translation>&amp;Imprimer en PDF…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>patient record %1</source>
        <translation>dossier patient %1</translation>
    </message>
    <message>
        <source>visit record %1</source>
        <translation>dossier de visite %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>record type %1</source>
        <translation>type d&apos;enregistrement %1</translation>
    </message>
    <message>
        <source>action %1</source>
        <translation>action %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>du %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>au %1</translation>
    </message>
    <message>
        <source>containing %1</source>
        <translation>contenant %1</translation>
    </message>
    <message>
        <source>all entries</source>
        <translation>toutes les entrées</translation>
    </message>
    <message numerus="yes">
        <source>%n entries (%1).</source>
        <translation>
            <numerusform>%n entrée (%1).</numerusform>
            <numerusform>%n entrées (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Print audit trail to PDF</source>
        <translation>Imprimer le journal d&apos;audit en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n entries to %1.</source>
        <translation>
            <numerusform>%n entrée imprimée dans %1.</numerusform>
            <numerusform>%n entrées imprimées dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>La sauvegarde a été annulée; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
        <source>The daily backup failed ({0}); the database itself is unchanged. Use Tools → Back up now, or see the log.</source>
        <translation>La sauvegarde quotidienne a échoué ({0}) ; la base de données elle-même n&apos;a pas changé. Utilisez Outils → Sauvegarder maintenant, ou consultez le journal.</translation>
    </message>
</context>
<context>
    <name>CdasiSection</name>
    <message>
        <source>Area</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Provisional: </source>
        <translation>Provisoire : </translation>
    </message>
</context>
<context>
    <name>ChoiceWithOther</name>
    <message>
        <source>Other (type it below; not exported when de-identified)</source>
        <translation>Autre (à saisir ci-dessous; non exporté lorsque dépersonnalisé)</translation>
    </message>
</context>
<context>
    <name>CohortWindow</name>
    <message>
        <source>Compute 95% &amp;intervals (bootstrap, %1 replicates)</source>
        <translation>Calculer les &amp;intervalles à 95 % (bootstrap, %1 réplications)</translation>
    </message>
    <message>
        <source>Weighted comparison (exploratory)</source>
        <translation>Comparaison pondérée (exploratoire)</translation>
    </message>
    <message>
        <source>Bootstrap: %1 replicates per pair of arms, the model re-fitted in each…</source>
        <translation>Bootstrap : %1 réplications par paire de bras, le modèle réajusté à chacune…</translation>
    </message>
    <message>
        <source>Intervals computed in %1 s.</source>
        <translation>Intervalles calculés en %1 s.</translation>
    </message>
    <message>
        <source>Cancelled: no interval was kept.</source>
        <translation>Annulé : aucun intervalle n’a été conservé.</translation>
    </message>
    <message>
        <source>Outcomes by arm</source>
        <translation>Résultats par bras</translation>
    </message>
</context>
<context>
    <name>Criteria group</name>
    <message>
        <source>Should have</source>
        <translation>Doit présenter</translation>
    </message>
    <message>
        <source>May have</source>
        <translation>Peut présenter</translation>
    </message>
    <message>
        <source>Should not have</source>
        <translation>Ne doit pas présenter</translation>
    </message>
</context>
<context>
    <name>Criteria page</name>
    <message>
        <source>Patients should have (all required)</source>
        <translation>Les patients doivent présenter (tous requis)</translation>
    </message>
    <message>
        <source>Patients may have (recorded as baseline characteristics)</source>
        <translation>Les patients peuvent présenter (consigné comme caractéristiques initiales)</translation>
    </message>
    <message>
        <source>Patients should not have (exclusions)</source>
        <translation>Les patients ne doivent pas présenter (critères d&apos;exclusion)</translation>
    </message>
</context>
<context>
    <name>CriteriaPage</name>
    <message>
        <source>Every criterion must be Yes. Unknown makes the patient not yet eligible.</source>
        <translation>Chaque critère doit être « Oui ». « Inconnu » rend le patient pas encore admissible.</translation>
    </message>
    <message>
        <source>Recorded as baseline characteristics; they do not decide eligibility. The IVIG answer decides whether arm A is available.</source>
        <translation>Consignés comme caractéristiques initiales; ils ne décident pas de l&apos;admissibilité. La réponse sur les IgIV décide si le bras A est offert.</translation>
    </message>
    <message>
        <source>Every exclusion must be No. Yes makes the patient not eligible; Unknown makes the patient not yet eligible.</source>
        <translation>Chaque critère d&apos;exclusion doit être « Non ». « Oui » rend le patient non admissible; « Inconnu » le rend pas encore admissible.</translation>
    </message>
    <message>
        <source>Recorded as baseline characteristics; they do not decide eligibility.</source>
        <translation>Consignés comme caractéristiques initiales; ils ne décident pas de l&apos;admissibilité.</translation>
    </message>
    <message>
        <source> Prior therapies are judged on the next pages from the recorded history.</source>
        <translation> Les traitements antérieurs sont évalués aux pages suivantes à partir de l&apos;historique consigné.</translation>
    </message>
    <message>
        <source> A detail that contradicts the plan (e.g. calcinosis more than mild) is shown in red and makes the patient not eligible.</source>
        <translation> Un détail qui contredit le plan (p. ex. calcinose plus que légère) est affiché en rouge et rend le patient non admissible.</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <source>Criterion provisional — verify against the published plan (source: %1)</source>
        <translation>Critère provisoire — à vérifier dans le plan publié (source : %1)</translation>
    </message>
    <message>
        <source>Answer Yes, No or Unknown.</source>
        <translation>Répondez Oui, Non ou Inconnu.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>not entered</source>
        <translation>non saisie</translation>
    </message>
    <message>
        <source>Type the date as %1. Up and Down change it by a day; Alt+Down opens a calendar.</source>
        <translation>Tapez la date sous la forme %1. Les flèches Haut et Bas la changent d&apos;un jour; Alt+Bas ouvre un calendrier.</translation>
    </message>
    <message>
        <source>Choose the date on a calendar (Alt+Down)</source>
        <translation>Choisir la date dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <source>Open calendar</source>
        <translation>Ouvrir le calendrier</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Enrollment date and measurements</source>
        <translation>Date d&apos;inscription et mesures</translation>
    </message>
    <message>
        <source>Doses are computed from these. A weight older than 30 days must be re-measured. Pounds and inches are accepted.</source>
        <translation>Les doses sont calculées à partir de ces valeurs. Un poids datant de plus de 30 jours doit être mesuré de nouveau. Les livres et les pouces sont acceptés.</translation>
    </message>
    <message>
        <source>Enrollment date</source>
        <translation>Date d&apos;inscription</translation>
    </message>
    <message>
        <source>&amp;Enrollment date:</source>
        <translation>&amp;Date d&apos;inscription :</translation>
    </message>
    <message>
        <source>BSA: enter a valid weight and height</source>
        <translation>SC : entrez un poids et une taille valides</translation>
    </message>
</context>
<context>
    <name>DoseView</name>
    <message>
        <source>%1 dose</source>
        <translation>Dose de %1</translation>
    </message>
    <message>
        <source>%1 dose range</source>
        <translation>Plage de dose de %1</translation>
    </message>
    <message>
        <source>%1 dose dates</source>
        <translation>Dates des doses de %1</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>Avertissements pour %1</translation>
    </message>
    <message>
        <source>Dose rule</source>
        <translation>Règle de dose</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Arrondi</translation>
    </message>
    <message>
        <source>%1: provisional — verify against the published plan</source>
        <translation>%1 : provisoire — à vérifier dans le plan publié</translation>
    </message>
    <message>
        <source>%1 provisional</source>
        <translation>%1 provisoire</translation>
    </message>
    <message>
        <source>How this dose was worked out:</source>
        <translation>Comment cette dose a été calculée :</translation>
    </message>
    <message>
        <source>%1 derivation</source>
        <translation>Calcul de %1</translation>
    </message>
    <message>
        <source>empty = give the computed dose (%1)</source>
        <translation>vide = donner la dose calculée (%1)</translation>
    </message>
    <message>
        <source>%1 final dose in %2</source>
        <translation>Dose finale de %1 en %2</translation>
    </message>
    <message>
        <source>%1 reason for a different dose</source>
        <translation>Motif d&apos;une dose différente pour %1</translation>
    </message>
    <message>
        <source>required when the final dose differs</source>
        <translation>obligatoire si la dose finale diffère</translation>
    </message>
    <message>
        <source>&amp;Final dose (%1):</source>
        <translation>Dose &amp;finale (%1) :</translation>
    </message>
    <message>
        <source>&amp;Reason for difference:</source>
        <translation>Motif de l&apos;é&amp;cart :</translation>
    </message>
    <message>
        <source>maximum %1 — APPLIED, dose capped</source>
        <translation>maximum %1 — APPLIQUÉ, dose plafonnée</translation>
    </message>
    <message>
        <source>maximum %1 — not exceeded</source>
        <translation>maximum %1 — non dépassé</translation>
    </message>
    <message>
        <source>no maximum in the plan</source>
        <translation>aucun maximum dans le plan</translation>
    </message>
    <message>
        <source>range top %1 is the maximum</source>
        <translation>le haut de la plage, %1, est le maximum</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>plafond %1</translation>
    </message>
    <message>
        <source>(computed — the final dose entered is not accepted)</source>
        <translation>(calculée — la dose finale saisie n&apos;est pas acceptée)</translation>
    </message>
    <message>
        <source>(final dose BELOW the plan minimum of %1)</source>
        <translation>(dose finale SOUS le minimum du plan de %1)</translation>
    </message>
    <message>
        <source>(final dose; computed %1)</source>
        <translation>(dose finale; calculée %1)</translation>
    </message>
    <message>
        <source>Computed: %1 (raw %2; %3).</source>
        <translation>Calculée : %1 (brute %2; %3).</translation>
    </message>
    <message>
        <source>Final dose differs from computed — reason: %1</source>
        <translation>La dose finale diffère de la dose calculée — motif : %1</translation>
    </message>
    <message>
        <source>Dose RANGE for this patient: %1 to %2 (the computed dose shown is the lower end). Type the final dose chosen within the range, with a reason; above %2 is refused.</source>
        <translation>PLAGE de dose pour ce patient : %1 à %2 (la dose calculée affichée est le bas de la plage). Saisissez la dose finale choisie dans la plage, avec un motif; au-dessus de %2, elle est refusée.</translation>
    </message>
    <message>
        <source>Dose dates (%1): %2</source>
        <translation>Dates des doses (%1) : %2</translation>
    </message>
    <message>
        <source>, … (same schedule)</source>
        <translation>, … (même calendrier)</translation>
    </message>
</context>
<context>
    <name>EnrollmentWizard</name>
    <message>
        <source>PROVISIONAL PLAN — provisional — verify against the published plan before use</source>
        <translation>PLAN PROVISOIRE — provisoire — à vérifier dans le plan publié avant usage</translation>
    </message>
    <message>
        <source>Provisional plan banner</source>
        <translation>Bandeau de plan provisoire</translation>
    </message>
    <message>
        <source>Enroll and choose arm — %1</source>
        <translation>Inscrire et choisir le bras — %1</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>Suiva&amp;nt &gt;</translation>
    </message>
    <message>
        <source>&lt; Bac&amp;k</source>
        <translation>&lt; P&amp;récédent</translation>
    </message>
</context>
<context>
    <name>Ethnicity</name>
    <message>
        <source>Hispanic or Latino</source>
        <translation>Hispanique ou latino</translation>
    </message>
    <message>
        <source>Not Hispanic or Latino</source>
        <translation>Ni hispanique ni latino</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Préfère ne pas répondre</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>An identified export contains patients&apos; names, medical record numbers and dates of birth. Only send it where the law and your ethics approval allow. The export will be recorded in the audit trail under your name.

Export identified data?</source>
        <translation>Une exportation identifiée contient les noms, les numéros de dossier médical et les dates de naissance des patients. Ne l&apos;envoyez que là où la loi et votre approbation éthique le permettent. L&apos;exportation sera consignée dans le journal d&apos;audit à votre nom.

Exporter les données identifiées?</translation>
    </message>
    <message>
        <source>Identified export</source>
        <translation>Exportation identifiée</translation>
    </message>
    <message>
        <source>Folder for the export files</source>
        <translation>Dossier des fichiers d&apos;exportation</translation>
    </message>
    <message>
        <source>Export for coordinators</source>
        <translation>Exporter pour les coordonnateurs</translation>
    </message>
    <message>
        <source>De-identified (no names, MRN, birth dates; dates as days)</source>
        <translation>Dépersonnalisée (sans noms, NDM ni dates de naissance; dates en jours)</translation>
    </message>
    <message>
        <source>Identified (names, MRN, dates) — audited</source>
        <translation>Identifiée (noms, NDM, dates) — consignée au journal d&apos;audit</translation>
    </message>
    <message>
        <source>REDCap (data dictionary, event mapping, import CSV)</source>
        <translation>REDCap (dictionnaire de données, correspondance des événements, CSV d&apos;importation)</translation>
    </message>
    <message>
        <source>Wide (one row per visit, with codebook)</source>
        <translation>Large (une ligne par visite, avec livre de codes)</translation>
    </message>
    <message>
        <source>CDISC ODM 1.3.2 (clinical data XML, with the REDCap project XML)</source>
        <translation>CDISC ODM 1.3.2 (données cliniques en XML, avec le projet REDCap en XML)</translation>
    </message>
    <message>
        <source>Byte-order mark for Excel</source>
        <translation>Indicateur d&apos;ordre des octets (BOM) pour Excel</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>Dossier des fichiers</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose a folder for the export files first.</source>
        <translation>Choisissez d&apos;abord un dossier pour les fichiers d&apos;exportation.</translation>
    </message>
    <message>
        <source>Identified export not confirmed; nothing was exported.</source>
        <translation>Exportation identifiée non confirmée; rien n&apos;a été exporté.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 of %n patient(s)…</source>
        <translation>
            <numerusform>%1 patient exporté sur %n…</numerusform>
            <numerusform>%1 patients exportés sur %n…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n patient(s) to %1; see manifest.json for checksums.</source>
        <translation>
            <numerusform>%n patient exporté dans %1; voir manifest.json pour les sommes de contrôle.</numerusform>
            <numerusform>%n patients exportés dans %1; voir manifest.json pour les sommes de contrôle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no files were kept.</source>
        <translation>Exportation annulée; aucun fichier n&apos;a été conservé.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;exportation a échoué : %1</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Créer le compte administrateur</translation>
    </message>
    <message>
        <source>This is the first start of jdm-ctp with this database. Create the administrator account: it adds the other users and chooses their roles. The password must have at least %1 characters.</source>
        <translation>Premier démarrage de jdm-ctp avec cette base de données. Créez le compte administrateur : il ajoute les autres utilisateurs et choisit leurs rôles. Le mot de passe doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name (printed on signatures)</source>
        <translation>Nom &amp;complet (imprimé sur les signatures)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Répéter le mot de passe</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Créer l&apos;administrateur</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Language of this computer</source>
        <translation>Langue de cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>The new language applies at once. Exports, printed summaries and the command line stay in English.</source>
        <translation>La nouvelle langue s&apos;applique immédiatement. Les exportations, les résumés imprimés et la ligne de commande restent en anglais.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to jdm-ctp</source>
        <translation>Connexion à jdm-ctp</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Entrez votre nom d&apos;utilisateur.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JDM treatment plans — %1</source>
        <translation>Plans de traitement de la DMJ — %1</translation>
    </message>
    <message>
        <source>Search by study id, name, protocol or arm  (Ctrl+F)</source>
        <translation>Rechercher par identifiant d&apos;étude, nom, protocole ou bras  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search patients</source>
        <translation>Rechercher des patients</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>Base de données chiffrée</translation>
    </message>
    <message>
        <source>The database file is encrypted at rest (SQLCipher); its backups are too.</source>
        <translation>Le fichier de la base de données est chiffré au repos (SQLCipher); ses sauvegardes aussi.</translation>
    </message>
    <message>
        <source>Not available in this version yet.</source>
        <translation>Pas encore offert dans cette version.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <source>Add a patient to the list.</source>
        <translation>Ajouter un patient à la liste.</translation>
    </message>
    <message>
        <source>&amp;Print / Save as PDF…</source>
        <translation>Im&amp;primer / enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Visit summary, blank worksheet or dosing sheet for the selected patient.</source>
        <translation>Résumé de visite, feuille de travail vierge ou feuille de posologie du patient sélectionné.</translation>
    </message>
    <message>
        <source>&amp;Export for coordinators…</source>
        <translation>&amp;Exporter pour les coordonnateurs…</translation>
    </message>
    <message>
        <source>CSV files for the study coordinators (de-identified by default).</source>
        <translation>Fichiers CSV pour les coordonnateurs de l&apos;étude (dépersonnalisés par défaut).</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Load an identified export of this app.</source>
        <translation>Charger une exportation identifiée de cette application.</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>&amp;Se déconnecter / changer d&apos;utilisateur…</translation>
    </message>
    <message>
        <source>Close this person&apos;s work (drafts are kept) and let someone else sign in.</source>
        <translation>Fermer le travail de cette personne (les brouillons sont conservés) et laisser quelqu&apos;un d&apos;autre se connecter.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>&amp;Modifier le patient…</translation>
    </message>
    <message>
        <source>Edit the selected patient.</source>
        <translation>Modifier le patient sélectionné.</translation>
    </message>
    <message>
        <source>&amp;Open patient page…</source>
        <translation>&amp;Ouvrir la fiche du patient…</translation>
    </message>
    <message>
        <source>Plan, arm, doses, visit due dates and screening log of the selected patient.</source>
        <translation>Plan, bras, doses, dates de visite prévues et registre d&apos;évaluation d&apos;admissibilité du patient sélectionné.</translation>
    </message>
    <message>
        <source>&amp;Screen for a treatment plan…</source>
        <translation>&amp;Vérifier l&apos;admissibilité à un plan de traitement…</translation>
    </message>
    <message>
        <source>Check the selected patient against a plan&apos;s eligibility criteria.</source>
        <translation>Vérifier le patient sélectionné selon les critères d&apos;admissibilité d&apos;un plan.</translation>
    </message>
    <message>
        <source>En&amp;roll and choose arm…</source>
        <translation>&amp;Inscrire et choisir le bras…</translation>
    </message>
    <message>
        <source>Enroll the selected patient from an eligible screening and choose the arm.</source>
        <translation>Inscrire le patient sélectionné à partir d&apos;une évaluation admissible et choisir le bras.</translation>
    </message>
    <message>
        <source>&amp;Change arm…</source>
        <translation>Changer de &amp;bras…</translation>
    </message>
    <message>
        <source>Move the selected patient to another arm (e.g. A to B or C).</source>
        <translation>Passer le patient sélectionné à un autre bras (p. ex. de A à B ou C).</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visites</translation>
    </message>
    <message>
        <source>Visits due this &amp;week and overdue…</source>
        <translation>Visites prévues cette &amp;semaine et en retard…</translation>
    </message>
    <message>
        <source>Every patient&apos;s visits due in the next 7 days and those overdue.</source>
        <translation>Les visites de tous les patients prévues dans les 7 prochains jours et celles en retard.</translation>
    </message>
    <message>
        <source>&amp;Cohort</source>
        <translation>&amp;Cohorte</translation>
    </message>
    <message>
        <source>&amp;Outcomes by arm…</source>
        <translation>&amp;Résultats par bras…</translation>
    </message>
    <message>
        <source>Counts, baseline balance, time to inactive disease, TIS, skin VAS, steroids and adverse events by arm, each figure with the patients behind it.</source>
        <translation>Effectifs, équilibre initial, délai jusqu&apos;à la maladie inactive, TIS, EVA cutanée, corticoïdes et événements indésirables par bras, chaque chiffre avec les patients qui le fondent.</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;User accounts…</source>
        <translation>&amp;Comptes d&apos;utilisateurs…</translation>
    </message>
    <message>
        <source>Add people, change roles, unlock accounts.</source>
        <translation>Ajouter des personnes, changer les rôles, déverrouiller des comptes.</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Journal d&apos;audit…</translation>
    </message>
    <message>
        <source>Who changed what, when and why.</source>
        <translation>Qui a modifié quoi, quand et pourquoi.</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>Copy the database to a file you choose.</source>
        <translation>Copier la base de données dans un fichier de votre choix.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Screen lock after idle minutes, automatic backups kept and their folder.</source>
        <translation>Verrouillage de l&apos;écran après inactivité, sauvegardes automatiques conservées et leur dossier.</translation>
    </message>
    <message>
        <source>S&amp;ite list…</source>
        <translation>L&amp;iste des sites…</translation>
    </message>
    <message>
        <source>The sites offered in the patient dialog (exported as codes).</source>
        <translation>Les sites de la clinique proposés dans la fiche patient (exportés sous forme de codes).</translation>
    </message>
    <message>
        <source>Site &amp;code…</source>
        <translation>C&amp;ode du site…</translation>
    </message>
    <message>
        <source>This site&apos;s code: every exported record id starts with it.</source>
        <translation>Le code de ce site : chaque identifiant d&apos;enregistrement exporté commence par lui.</translation>
    </message>
    <message>
        <source>Database &amp;encryption…</source>
        <translation>Chi&amp;ffrement de la base de données…</translation>
    </message>
    <message>
        <source>Encrypt the database file with a passphrase, change it, or stop encrypting.</source>
        <translation>Chiffrer le fichier de la base de données avec une phrase de passe, la changer ou cesser le chiffrement.</translation>
    </message>
    <message>
        <source>&amp;Treatment plans…</source>
        <translation>Plans de t&amp;raitement…</translation>
    </message>
    <message>
        <source>The plans offered (shipped or site plan, with file hash) and any protocol file refused, with the reasons.</source>
        <translation>Les plans proposés (livrés ou plan du site, avec l&apos;empreinte du fichier) et tout fichier de protocole refusé, avec les raisons.</translation>
    </message>
    <message>
        <source>A server database is protected by the server, not encrypted here.</source>
        <translation>Une base de données sur serveur est protégée par le serveur, pas chiffrée ici.</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Langue…</translation>
    </message>
    <message>
        <source>English or French; the computer&apos;s language by default.</source>
        <translation>Anglais ou français; la langue de l&apos;ordinateur par défaut.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>About this application.</source>
        <translation>À propos de cette application.</translation>
    </message>
    <message>
        <source>No patient matches “%1”.</source>
        <translation>Aucun patient ne correspond à « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln patient(s)</source>
        <translation>
            <numerusform>%L1 sur %Ln patient</numerusform>
            <numerusform>%L1 sur %Ln patients</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient %1 saved.</source>
        <translation>Patient %1 enregistré.</translation>
    </message>
    <message>
        <source>Select a patient first.</source>
        <translation>Sélectionnez d&apos;abord un patient.</translation>
    </message>
    <message>
        <source>No treatment plan is installed.</source>
        <translation>Aucun plan de traitement n&apos;est installé.</translation>
    </message>
    <message>
        <source>Screening saved: %1.</source>
        <translation>Évaluation enregistrée : %1.</translation>
    </message>
    <message>
        <source>Patient enrolled.</source>
        <translation>Patient inscrit.</translation>
    </message>
    <message>
        <source>The patient is not enrolled on an arm.</source>
        <translation>Le patient n&apos;est inscrit dans aucun bras.</translation>
    </message>
    <message>
        <source>Arm changed.</source>
        <translation>Bras changé.</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Impossible d&apos;imprimer</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>This window was opened without a settings file.</source>
        <translation>Cette fenêtre a été ouverte sans fichier de paramètres.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation>Chiffrement de la base de données</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>Sauvegarder la base de données dans</translation>
    </message>
    <message>
        <source>SQLite backup (*.sqlite3);;All files (*)</source>
        <translation>Sauvegarde SQLite (*.sqlite3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Backups from here are for the local database file; a server database is backed up by its administrator.</source>
        <translation>Les sauvegardes faites ici visent le fichier local de la base de données; une base de données sur serveur est sauvegardée par son administrateur.</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Sauvegarde écrite dans %1.</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>Sauvegarde annulée; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <source>The backup could not be written: %1</source>
        <translation>La sauvegarde n&apos;a pas pu être écrite : %1</translation>
    </message>
    <message>
        <source>Audit trail check failed</source>
        <translation>Échec de la vérification du journal d&apos;audit</translation>
    </message>
    <message>
        <source>About jdm-ctp</source>
        <translation>À propos de jdm-ctp</translation>
    </message>
    <message>
        <source>Records screening, enrollment, doses and outcomes for the CARRA consensus treatment plans in juvenile dermatomyositis.</source>
        <translation>Consigne l&apos;évaluation d&apos;admissibilité, l&apos;inscription, les doses et les résultats des plans de traitement consensuels de CARRA pour la dermatomyosite juvénile.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Encrypted at rest (SQLCipher).</source>
        <translation>Chiffrée au repos (SQLCipher).</translation>
    </message>
    <message>
        <source>Daily backup progress</source>
        <translation>Progression de la sauvegarde quotidienne</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The interface language has changed.</source>
        <translation>La langue de l&apos;interface a changé.</translation>
    </message>
    <message>
        <source>Daily backup…</source>
        <translation>Sauvegarde quotidienne…</translation>
    </message>
    <message>
        <source>Daily backup failed</source>
        <translation>Échec de la sauvegarde quotidienne</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Session fermée</translation>
    </message>
    <message>
        <source>Your account has been deactivated by an administrator: you are signed out. What you had typed is kept as a draft.</source>
        <translation>Votre compte a été désactivé par un administrateur : votre session est fermée. Ce que vous aviez saisi est conservé comme brouillon.</translation>
    </message>
</context>
<context>
    <name>Measurement check</name>
    <message>
        <source>Weight is required; nothing was entered.</source>
        <translation>Le poids est obligatoire; rien n&apos;a été saisi.</translation>
    </message>
    <message>
        <source>Height is needed: a dose in this plan uses body surface area (mg/m²). Enter the height in cm or inches.</source>
        <translation>La taille est nécessaire : une dose de ce plan utilise la surface corporelle (mg/m²). Entrez la taille en cm ou en pouces.</translation>
    </message>
    <message>
        <source>Enter the date the weight was measured (YYYY-MM-DD).</source>
        <translation>Entrez la date à laquelle le poids a été mesuré (AAAA-MM-JJ).</translation>
    </message>
</context>
<context>
    <name>MeasurementInputs</name>
    <message>
        <source>Weight</source>
        <translation>Le poids</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>La taille</translation>
    </message>
    <message>
        <source>%1 must be a number written with a point for decimals (for example 20.5); “%2” was entered. A comma is refused: “1,500” could mean 1.5 or 1500, and a dose is never guessed.</source>
        <translation>%1 doit être un nombre écrit avec un point pour les décimales (par exemple 20.5); « %2 » a été saisi. La virgule est refusée : « 1,500 » pourrait signifier 1.5 ou 1500, et une dose n&apos;est jamais devinée.</translation>
    </message>
    <message>
        <source>Weight unit</source>
        <translation>Unité de poids</translation>
    </message>
    <message>
        <source>Height unit</source>
        <translation>Unité de taille</translation>
    </message>
    <message>
        <source>Date weight and height were measured</source>
        <translation>Date de la mesure du poids et de la taille</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>&amp;Poids :</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Taille :</translation>
    </message>
    <message>
        <source>&amp;Measured on:</source>
        <translation>Mesuré &amp;le :</translation>
    </message>
    <message>
        <source>BSA: enter weight and height</source>
        <translation>SC : entrez le poids et la taille</translation>
    </message>
    <message>
        <source>Body surface area</source>
        <translation>Surface corporelle</translation>
    </message>
    <message>
        <source>Body surface area:</source>
        <translation>Surface corporelle :</translation>
    </message>
    <message>
        <source>Unusual measurements</source>
        <translation>Mesures inhabituelles</translation>
    </message>
    <message>
        <source>I have checked these measurements and they are &amp;right</source>
        <translation>J&apos;ai vérifié ces mesures et elles sont &amp;justes</translation>
    </message>
    <message>
        <source>Measurements checked and right</source>
        <translation>Mesures vérifiées et justes</translation>
    </message>
    <message>
        <source>BSA</source>
        <translation>SC</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>Initial &amp;password</source>
        <translation>Mot de &amp;passe initial</translation>
    </message>
</context>
<context>
    <name>Patient check</name>
    <message>
        <source>Study id is required.</source>
        <translation>L&apos;identifiant d&apos;étude est obligatoire.</translation>
    </message>
    <message>
        <source>Study id may use only letters, digits, &apos;-&apos; and &apos;_&apos; (up to 32 characters), starting with a letter or digit.</source>
        <translation>L&apos;identifiant d&apos;étude ne peut contenir que des lettres, des chiffres, « - » et « _ » (32 caractères au plus), et doit commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Family name is required.</source>
        <translation>Le nom de famille est obligatoire.</translation>
    </message>
    <message>
        <source>Given name is required.</source>
        <translation>Le prénom est obligatoire.</translation>
    </message>
    <message>
        <source>Date of birth is required.</source>
        <translation>La date de naissance est obligatoire.</translation>
    </message>
    <message>
        <source>Choose the patient&apos;s sex.</source>
        <translation>Choisissez le sexe du patient.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <source>What you typed is still in this form.</source>
        <translation>Ce que vous avez saisi est toujours dans ce formulaire.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>Changed by %1 after you opened this form.</source>
        <translation>Modifié par %1 après l&apos;ouverture de ce formulaire.</translation>
    </message>
    <message>
        <source>Edit patient</source>
        <translation>Modifier le patient</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>&amp;Study id</source>
        <translation>&amp;Identifiant d&apos;étude</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Nom de famille</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Prénom</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Date de naissance</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Se&amp;xe</translation>
    </message>
    <message>
        <source>&amp;MRN (optional)</source>
        <translation>N° de dossier &amp;médical (facultatif)</translation>
    </message>
    <message>
        <source>Si&amp;te (optional)</source>
        <translation>Si&amp;te (facultatif)</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <source>The first symptoms of the disease, as the family remembers them</source>
        <translation>Les premiers symptômes de la maladie, tels que la famille s’en souvient</translation>
    </message>
    <message>
        <source>As the patient or a parent reports it (NIH/OMB categories)</source>
        <translation>Tel que le patient ou un parent le déclare (catégories NIH/OMB)</translation>
    </message>
    <message>
        <source>— not recorded —</source>
        <translation>— non renseigné —</translation>
    </message>
    <message>
        <source>Disease &amp;onset (optional)</source>
        <translation>Début de la mal&amp;adie (facultatif)</translation>
    </message>
    <message>
        <source>D&amp;iagnosis (optional)</source>
        <translation>Dia&amp;gnostic (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Race (optional)</source>
        <translation>O&amp;rigine (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Ethnicity (optional)</source>
        <translation>&amp;Ethnicité (facultatif)</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>&amp;Screen…</source>
        <translation>&amp;Admissibilité…</translation>
    </message>
    <message>
        <source>E&amp;nroll and choose arm…</source>
        <translation>&amp;Inscrire et choisir le bras…</translation>
    </message>
    <message>
        <source>&amp;Change arm…</source>
        <translation>Changer de &amp;bras…</translation>
    </message>
    <message>
        <source>&amp;Edit patient…</source>
        <translation>&amp;Modifier le patient…</translation>
    </message>
    <message>
        <source>&amp;Prior therapies…</source>
        <translation>Traitements a&amp;ntérieurs…</translation>
    </message>
    <message>
        <source>Prior therapies</source>
        <translation>Traitements antérieurs</translation>
    </message>
    <message>
        <source>The prior and current therapies every screening uses (drug, start, stop, why stopped).</source>
        <translation>Les traitements antérieurs et actuels qu&apos;utilise chaque évaluation d&apos;admissibilité (médicament, début, arrêt, motif de l&apos;arrêt).</translation>
    </message>
    <message>
        <source>Infusions, stop t&amp;reatment…</source>
        <translation>&amp;Perfusions, arrêt du traitement…</translation>
    </message>
    <message>
        <source>The infusions given beside the arm&apos;s dose dates; stopping the current treatment with its reason.</source>
        <translation>Les perfusions données en regard des dates de doses du bras ; l&apos;arrêt du traitement en cours avec son motif.</translation>
    </message>
    <message>
        <source>A&amp;udit trail…</source>
        <translation>&amp;Journal d&apos;audit…</translation>
    </message>
    <message>
        <source>Every change to this patient&apos;s data: who, when, old and new value, and why.</source>
        <translation>Chaque modification des données de ce patient : qui, quand, ancienne et nouvelle valeur, et pourquoi.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>Vi&amp;sites</translation>
    </message>
    <message>
        <source>&amp;Trends</source>
        <translation>&amp;Tendances</translation>
    </message>
    <message>
        <source>Patient %1 — %2</source>
        <translation>Patient %1 — %2</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date of birth %1</source>
        <translation>Date de naissance %1</translation>
    </message>
    <message>
        <source>sex %1</source>
        <translation>sexe %1</translation>
    </message>
    <message>
        <source>site %1</source>
        <translation>site %1</translation>
    </message>
    <message>
        <source>disease onset %1, diagnosed %2</source>
        <translation>début de la maladie %1, diagnostic %2</translation>
    </message>
    <message>
        <source>self-reported %1</source>
        <translation>déclaré par la famille : %1</translation>
    </message>
    <message>
        <source>last measured %1: %2</source>
        <translation>dernière mesure le %1 : %2</translation>
    </message>
    <message>
        <source>Current treatment plan</source>
        <translation>Plan de traitement actuel</translation>
    </message>
    <message>
        <source>Enrollment status</source>
        <translation>Statut d’inscription</translation>
    </message>
    <message>
        <source>no arm</source>
        <translation>aucun bras</translation>
    </message>
    <message>
        <source>Enrolled (plan %1, %2) on %3</source>
        <translation>Inscrit (plan %1, %2) le %3</translation>
    </message>
    <message>
        <source>Not enrolled in a treatment plan.</source>
        <translation>Non inscrit à un plan de traitement.</translation>
    </message>
    <message>
        <source>no current arm</source>
        <translation>aucun bras actuel</translation>
    </message>
    <message>
        <source>Current arm</source>
        <translation>Bras actuel</translation>
    </message>
    <message>
        <source>enrolled %1 by %2 · sun-protection counselling given</source>
        <translation>inscrit le %1 par %2 · conseils de photoprotection donnés</translation>
    </message>
    <message>
        <source>enrolled %1 by %2 · sun-protection counselling not recorded</source>
        <translation>inscrit le %1 par %2 · conseils de photoprotection non consignés</translation>
    </message>
    <message>
        <source>Arm history:</source>
        <translation>Historique des bras :</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Why this arm</source>
        <translation>Pourquoi ce bras</translation>
    </message>
    <message>
        <source>current</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Arm history</source>
        <translation>Historique des bras</translation>
    </message>
    <message>
        <source>Current doses:</source>
        <translation>Doses actuelles :</translation>
    </message>
    <message>
        <source>current dose</source>
        <translation>dose actuelle</translation>
    </message>
    <message>
        <source>(concomitant)</source>
        <translation>(concomitant)</translation>
    </message>
    <message>
        <source>final dose differs from computed %1: %2</source>
        <translation>la dose finale diffère de la dose calculée %1 : %2</translation>
    </message>
    <message>
        <source>Dose dates: %1</source>
        <translation>Dates des doses : %1</translation>
    </message>
    <message>
        <source>%1 derivation</source>
        <translation>Calcul de %1</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>Visites :</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 au %2</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>EN RETARD</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Completed (plan %1, %2) on %3</source>
        <translation>Terminé (plan %1, %2) le %3</translation>
    </message>
    <message>
        <source>Withdrawn (plan %1, %2) on %3: %4</source>
        <translation>Sorti de l’étude (plan %1, %2) le %3 : %4</translation>
    </message>
    <message>
        <source>Withdrawn (plan %1, %2) on %3</source>
        <translation>Sorti de l’étude (plan %1, %2) le %3</translation>
    </message>
    <message>
        <source>Past enrollments</source>
        <translation>Inscriptions antérieures</translation>
    </message>
    <message>
        <source>completed %1: %2</source>
        <translation>terminée le %1 : %2</translation>
    </message>
    <message>
        <source>completed %1</source>
        <translation>terminée le %1</translation>
    </message>
    <message>
        <source>withdrawn %1: %2</source>
        <translation>retrait le %1 : %2</translation>
    </message>
    <message>
        <source>withdrawn %1</source>
        <translation>retrait le %1</translation>
    </message>
    <message>
        <source>enrolled %1 by %2</source>
        <translation>inscrit le %1 par %2</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêt</translation>
    </message>
    <message>
        <source>Why stopped</source>
        <translation>Motif de l&apos;arrêt</translation>
    </message>
    <message>
        <source>disease duration at enrollment %1 months</source>
        <translation>durée de la maladie à l&apos;inscription %1 mois</translation>
    </message>
    <message>
        <source>Last dose</source>
        <translation>Dernière dose</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Screening log</source>
        <translation>Registre des évaluations d&apos;admissibilité</translation>
    </message>
    <message>
        <source>Not screened yet.</source>
        <translation>Admissibilité pas encore évaluée.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>(enrolled)</source>
        <translation>(inscrit)</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <source>Study id</source>
        <translation>Identifiant d&apos;étude</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>Prochaine visite prévue</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation> (en retard)</translation>
    </message>
</context>
<context>
    <name>PrintChoiceDialog</name>
    <message>
        <source>Visit &amp;summary (what was recorded)</source>
        <translation>&amp;Résumé de visite (ce qui a été consigné)</translation>
    </message>
    <message>
        <source>&amp;Blank worksheet (collect on paper, enter later)</source>
        <translation>Feuille de &amp;travail vierge (recueillir sur papier, saisir plus tard)</translation>
    </message>
    <message>
        <source>&amp;Dosing sheet for the pharmacy</source>
        <translation>Feuille de &amp;posologie pour la pharmacie</translation>
    </message>
    <message>
        <source>Print / Save as PDF — %1</source>
        <translation>Imprimer / enregistrer en PDF — %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>V&amp;isit</source>
        <translation>&amp;Visite</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Format du papier</translation>
    </message>
    <message>
        <source>This patient has no visits yet: enroll the patient first.</source>
        <translation>Ce patient n&apos;a pas encore de visite : inscrivez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
</context>
<context>
    <name>Race</name>
    <message>
        <source>American Indian or Alaska Native</source>
        <translation>Autochtone d’Amérique ou d’Alaska</translation>
    </message>
    <message>
        <source>Asian</source>
        <translation>Asiatique</translation>
    </message>
    <message>
        <source>Black or African American</source>
        <translation>Noir ou Afro-Américain</translation>
    </message>
    <message>
        <source>Native Hawaiian or Other Pacific Islander</source>
        <translation>Autochtone d’Hawaï ou d’une autre île du Pacifique</translation>
    </message>
    <message>
        <source>White</source>
        <translation>Blanc</translation>
    </message>
    <message>
        <source>More than one race</source>
        <translation>Plus d’une origine</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>Préfère ne pas répondre</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <source>Initial</source>
        <translation>Inscription initiale</translation>
    </message>
    <message>
        <source>Inadequate response</source>
        <translation>Réponse insuffisante</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>Toxicité</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Bénéfice (arrêté alors qu&apos;il aidait)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Data entry</source>
        <translation>Saisie des données</translation>
    </message>
    <message>
        <source>Clinician (may sign visits)</source>
        <translation>Clinicien (peut signer les visites)</translation>
    </message>
    <message>
        <source>Study coordinator (may export identified data)</source>
        <translation>Coordonnateur d&apos;étude (peut exporter les données identifiées)</translation>
    </message>
    <message>
        <source>Administrator (manages users and settings)</source>
        <translation>Administrateur (gère les utilisateurs et les paramètres)</translation>
    </message>
</context>
<context>
    <name>ScreeningWizard</name>
    <message>
        <source>PROVISIONAL PLAN — provisional — verify against the published plan before use</source>
        <translation>PLAN PROVISOIRE — provisoire — à vérifier dans le plan publié avant usage</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Garder comme brouillon</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Continue screening</source>
        <translation>Continuer l&apos;évaluation</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Changer de plan</translation>
    </message>
    <message>
        <source>Keep current plan</source>
        <translation>Garder le plan actuel</translation>
    </message>
    <message>
        <source>Screen for a treatment plan</source>
        <translation>Vérifier l&apos;admissibilité à un plan de traitement</translation>
    </message>
    <message>
        <source>&amp;Save screening</source>
        <translation>&amp;Enregistrer l&apos;évaluation</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; Bac&amp;k</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>Resumed the unfinished screening saved earlier. Your answers are as you left them; Cancel → Discard starts again.</source>
        <translation>Reprise de l&apos;évaluation inachevée enregistrée plus tôt. Vos réponses sont telles que vous les avez laissées; Annuler → Abandonner recommence à zéro.</translation>
    </message>
    <message>
        <source>Change treatment plan</source>
        <translation>Changer de plan de traitement</translation>
    </message>
    <message>
        <source>The answers given so far belong to the current plan and will be cleared. Change the plan?</source>
        <translation>Les réponses données jusqu&apos;ici appartiennent au plan actuel et seront effacées. Changer de plan?</translation>
    </message>
    <message>
        <source>The screening could not be saved: %1. Your answers are kept.</source>
        <translation>L&apos;évaluation n&apos;a pas pu être enregistrée : %1. Vos réponses sont conservées.</translation>
    </message>
    <message>
        <source>Cancel screening</source>
        <translation>Annuler l&apos;évaluation</translation>
    </message>
    <message>
        <source>This screening is not finished. Keep it as a draft to resume later, or discard the answers?</source>
        <translation>Cette évaluation n&apos;est pas terminée. La garder comme brouillon pour la reprendre plus tard, ou abandonner les réponses?</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Global assessments</source>
        <translation>Évaluations globales</translation>
    </message>
    <message>
        <source>CMAS</source>
        <translation>CMAS</translation>
    </message>
    <message>
        <source>CHAQ</source>
        <translation>CHAQ</translation>
    </message>
    <message>
        <source>MMT8</source>
        <translation>MMT8</translation>
    </message>
    <message>
        <source>Muscle enzymes</source>
        <translation>Enzymes musculaires</translation>
    </message>
    <message>
        <source>Skin detail</source>
        <translation>Atteinte cutanée (détail)</translation>
    </message>
    <message>
        <source>MRI</source>
        <translation>IRM</translation>
    </message>
    <message>
        <source>Autoantibodies</source>
        <translation>Autoanticorps</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Médicaments</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Événements indésirables</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>CDASI activity</source>
        <translation>Activité CDASI</translation>
    </message>
    <message>
        <source>Sun protection</source>
        <translation>Protection solaire</translation>
    </message>
    <message>
        <source>Steroid exposure</source>
        <translation>Exposition aux corticoïdes</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Use &amp;default</source>
        <translation>Par &amp;défaut</translation>
    </message>
    <message>
        <source>without keyboard or mouse use</source>
        <translation>sans utilisation du clavier ni de la souris</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after</source>
        <translation>&amp;Verrouiller l&apos;écran après</translation>
    </message>
    <message>
        <source>The signed-in person&apos;s password unlocks it.</source>
        <translation>Le mot de passe de la personne connectée le déverrouille.</translation>
    </message>
    <message>
        <source>&amp;Automatic backups kept</source>
        <translation>Sauvegardes &amp;automatiques conservées</translation>
    </message>
    <message>
        <source>Older automatic backups are deleted. Backups made with Back up now… are kept.</source>
        <translation>Les sauvegardes automatiques plus anciennes sont supprimées. Celles faites avec Sauvegarder maintenant… sont conservées.</translation>
    </message>
    <message>
        <source>Backup &amp;folder</source>
        <translation>Dossier de sauve&amp;garde</translation>
    </message>
    <message>
        <source>For the daily and on-exit backups. Best on another drive or a backed-up share.</source>
        <translation>Pour les sauvegardes quotidiennes et à la fermeture. De préférence sur un autre disque ou un partage lui-même sauvegardé.</translation>
    </message>
    <message>
        <source>These settings apply to this computer only. Every change is recorded in the audit trail.</source>
        <translation>Ces paramètres s&apos;appliquent à cet ordinateur seulement. Chaque modification est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>You may look at these settings; only an administrator may change them.</source>
        <translation>Vous pouvez consulter ces paramètres; seul un administrateur peut les modifier.</translation>
    </message>
    <message>
        <source>Folder for the automatic backups</source>
        <translation>Dossier des sauvegardes automatiques</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés : %1</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Screen for a treatment plan</source>
        <translation>Vérifier l&apos;admissibilité à un plan de traitement</translation>
    </message>
    <message>
        <source>Patient %1. Choose the plan and the screening date.</source>
        <translation>Patient %1. Choisissez le plan et la date de l&apos;évaluation.</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>Treatment plan</source>
        <translation>Plan de traitement</translation>
    </message>
    <message>
        <source>Screening date</source>
        <translation>Date de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Treatment &amp;plan:</source>
        <translation>&amp;Plan de traitement :</translation>
    </message>
    <message>
        <source>Screening &amp;date:</source>
        <translation>&amp;Date de l&apos;évaluation :</translation>
    </message>
</context>
<context>
    <name>Sex</name>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Other / not stated</source>
        <translation>Autre / non précisé</translation>
    </message>
</context>
<context>
    <name>SiteCodeDialog</name>
    <message>
        <source>Site code</source>
        <translation>Code du site</translation>
    </message>
    <message>
        <source>The short code of this site (2 to 10 capital letters and digits, starting with a letter). Every exported record id starts with it (SITE-studyid), so that the coordinator can pool several sites. Set it once; changing it later splits this site&apos;s records in two at the coordinator.</source>
        <translation>Le code court de ce site (2 à 10 lettres majuscules et chiffres, commençant par une lettre). Chaque identifiant d&apos;enregistrement exporté commence par lui (SITE-identifiant d&apos;étude), pour que le coordonnateur puisse regrouper plusieurs sites. Définissez-le une fois ; le changer plus tard sépare en deux les dossiers de ce site chez le coordonnateur.</translation>
    </message>
    <message>
        <source>Change the site code?</source>
        <translation>Changer le code du site ?</translation>
    </message>
</context>
<context>
    <name>SteroidExposureSection</name>
    <message>
        <source>Cumulative steroid exposure is computed from these records over the enrollment (provisional rule: each visit&apos;s oral dose until the next visit; methylprednisolone counted as prednisone x 1.25).</source>
        <translation>L&apos;exposition cumulée aux corticoïdes est calculée à partir de ces relevés sur toute l&apos;inclusion (règle provisoire : la dose orale de chaque visite jusqu&apos;à la visite suivante ; la méthylprednisolone comptée comme prednisone x 1,25).</translation>
    </message>
    <message>
        <source>Oral dose today: %1 mg/day</source>
        <translation>Dose orale ce jour : %1 mg/jour</translation>
    </message>
    <message>
        <source>Oral dose today not entered</source>
        <translation>Dose orale du jour non saisie</translation>
    </message>
    <message>
        <source>%1 to correct</source>
        <translation>%1 à corriger</translation>
    </message>
</context>
<context>
    <name>SunProtectionSection</name>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 sur %2 renseignés</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>User accounts</source>
        <translation>Comptes d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Changer le &amp;rôle…</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Désactiver…</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Réa&amp;ctiver</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Déverro&amp;uiller</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <source>New role:</source>
        <translation>Nouveau rôle :</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>Nouveau mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>The list below now shows the accounts as stored.</source>
        <translation>La liste ci-dessous montre maintenant les comptes tels qu&apos;enregistrés.</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Sélectionnez d&apos;abord un utilisateur.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ajouté.</translation>
    </message>
    <message>
        <source>Reason for changing the role of %1:</source>
        <translation>Motif du changement de rôle de %1 :</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Désactiver l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Reason for deactivating %1:</source>
        <translation>Motif de la désactivation de %1 :</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ne peut plus se connecter.</translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 est déverrouillé.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>Nouveau mot de passe défini pour %1.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked (too many wrong passwords)</source>
        <translation>Verrouillé (trop de mots de passe erronés)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>ELIGIBLE</source>
        <translation>ADMISSIBLE</translation>
    </message>
    <message>
        <source>NOT ELIGIBLE</source>
        <translation>NON ADMISSIBLE</translation>
    </message>
    <message>
        <source>NOT YET ELIGIBLE</source>
        <translation>PAS ENCORE ADMISSIBLE</translation>
    </message>
</context>
<context>
    <name>Verdict explanation</name>
    <message>
        <source>Every required criterion is met and every exclusion is absent. The patient can be enrolled and an arm chosen.</source>
        <translation>Tous les critères requis sont remplis et aucun critère d&apos;exclusion n&apos;est présent. Le patient peut être inscrit et un bras choisi.</translation>
    </message>
    <message>
        <source>No criterion has failed, but some are Unknown. Find out the missing information and screen again.</source>
        <translation>Aucun critère n&apos;a échoué, mais certains sont « Inconnu ». Obtenez l&apos;information manquante et refaites l&apos;évaluation.</translation>
    </message>
    <message>
        <source>The patient does not meet the criteria listed below.</source>
        <translation>Le patient ne remplit pas les critères énumérés ci-dessous.</translation>
    </message>
    <message>
        <source> Queries are listed below: answer them or record why; they do not change the verdict.</source>
        <translation> Les questions à vérifier sont énumérées ci-dessous : répondez-y ou consignez pourquoi; elles ne changent pas le verdict.</translation>
    </message>
</context>
<context>
    <name>VerdictPage</name>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Check the verdict, then confirm. Every screening is saved, including screen failures.</source>
        <translation>Vérifiez le verdict, puis confirmez. Chaque évaluation est enregistrée, y compris les échecs de sélection.</translation>
    </message>
    <message>
        <source>&amp;I have checked the answers and confirm this verdict</source>
        <translation>&amp;J&apos;ai vérifié les réponses et je confirme ce verdict</translation>
    </message>
    <message>
        <source>Confirm the verdict</source>
        <translation>Confirmer le verdict</translation>
    </message>
    <message>
        <source>Saving the screening</source>
        <translation>Enregistrement de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Patient %1 · %2 (version %3) · screening date %4</source>
        <translation>Patient %1 · %2 (version %3) · date de l&apos;évaluation %4</translation>
    </message>
</context>
<context>
    <name>Visit status</name>
    <message>
        <source>Not started</source>
        <translation>Non commencée</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complète</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signée</translation>
    </message>
</context>
<context>
    <name>VisitFormWindow</name>
    <message>
        <source>not started</source>
        <translation>non commencée</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>complète</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signée</translation>
    </message>
    <message>
        <source>%1 — %2 visit</source>
        <translation>%1 — visite %2</translation>
    </message>
    <message>
        <source> (window %1 – %2)</source>
        <translation> (fenêtre du %1 au %2)</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>cible %1</translation>
    </message>
    <message>
        <source>Visit &amp;date</source>
        <translation>&amp;Date de la visite</translation>
    </message>
    <message>
        <source>The treatment plan of this enrollment is not installed on this computer: the sections are shown without their required items.</source>
        <translation>Le plan de traitement de cette inclusion n&apos;est pas installé sur cet ordinateur : les sections sont affichées sans leurs éléments obligatoires.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Mark complete…</source>
        <translation>Marquer comme complète…</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>Si&amp;gner…</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Déverrouiller…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>Who changed this visit&apos;s data, when and why.</source>
        <translation>Qui a modifié les données de cette visite, quand et pourquoi.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Statut : &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
</TS>
