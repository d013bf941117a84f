<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Access check</name>
    <message>
        <source>Nobody is signed in; sign in to %1.</source>
        <translation>Aucune session n&apos;est ouverte&#x202f;; connectez-vous pour %1.</translation>
    </message>
    <message>
        <source>The account %1 no longer exists, so it may not %2. Nothing was changed.</source>
        <translation>Le compte %1 n&apos;existe plus : il ne peut donc pas %2. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The account %1 has been deactivated by an administrator, so it may not %2. Nothing was changed.</source>
        <translation>Le compte %1 a été désactivé par un administrateur : il ne peut donc pas %2. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 may not %2; a person must sign in to do that.</source>
        <translation>%1 ne peut pas %2&#x202f;; une personne doit se connecter pour le faire.</translation>
    </message>
    <message>
        <source>%1 is signed in as %2, which may not %3. Ask a user with the right role.</source>
        <translation>La session de %1 a le rôle %2, qui ne peut pas %3. Adressez-vous à une personne qui a le rôle voulu.</translation>
    </message>
    <message>
        <source>view patient data</source>
        <translation>consulter les données des patients</translation>
    </message>
    <message>
        <source>enter or change clinical data</source>
        <translation>saisir ou modifier des données cliniques</translation>
    </message>
    <message>
        <source>sign a visit</source>
        <translation>signer une visite</translation>
    </message>
    <message>
        <source>unlock a signed visit</source>
        <translation>déverrouiller une visite signée</translation>
    </message>
    <message>
        <source>export de-identified data</source>
        <translation>exporter des données dépersonnalisées</translation>
    </message>
    <message>
        <source>export identified data (names, MRN, dates of birth)</source>
        <translation>exporter des données identifiées (noms, NDM, dates de naissance)</translation>
    </message>
    <message>
        <source>view or check the audit trail</source>
        <translation>consulter ou vérifier le journal d&apos;audit</translation>
    </message>
    <message>
        <source>import data from another jdm-ctp export</source>
        <translation>importer les données d&apos;une autre exportation de jdm-ctp</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>sauvegarder la base de données</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>restaurer la base de données à partir d&apos;une sauvegarde</translation>
    </message>
    <message>
        <source>encrypt, decrypt or re-key the database</source>
        <translation>chiffrer ou déchiffrer la base de données, ou en changer la clé</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>gérer les comptes d&apos;utilisateur</translation>
    </message>
    <message>
        <source>change the application settings</source>
        <translation>modifier les paramètres de l&apos;application</translation>
    </message>
    <message>
        <source>The user name or password is not correct.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>The current password is not correct.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
    <message>
        <source>The account %1 is locked after %2 wrong passwords until %3. Try again then, or ask an administrator to unlock it.</source>
        <translation>Le compte %1 est verrouillé jusqu&apos;à %3 après %2 mots de passe erronés. Réessayez à ce moment-là, ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message>
        <source>The account %1 has been deactivated. Ask an administrator.</source>
        <translation>Le compte %1 a été désactivé. Adressez-vous à un administrateur.</translation>
    </message>
</context>
<context>
    <name>Account check</name>
    <message>
        <source>The password must be at least %1 characters long.</source>
        <translation>Le mot de passe doit compter au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The password must be at most %1 characters long.</source>
        <translation>Le mot de passe doit compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The password cannot be only spaces.</source>
        <translation>Le mot de passe ne peut pas être fait seulement d&apos;espaces.</translation>
    </message>
    <message>
        <source>The password cannot be the same as the user name.</source>
        <translation>Le mot de passe ne peut pas être identique au nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>A user name is required.</source>
        <translation>Un nom d&apos;utilisateur est obligatoire.</translation>
    </message>
    <message>
        <source>The user name must be at most %1 characters long.</source>
        <translation>Le nom d&apos;utilisateur doit compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The user name cannot contain spaces.</source>
        <translation>Le nom d&apos;utilisateur ne peut pas contenir d&apos;espaces.</translation>
    </message>
    <message>
        <source>The user name contains characters that cannot be printed.</source>
        <translation>Le nom d&apos;utilisateur contient des caractères qui ne peuvent pas être imprimés.</translation>
    </message>
</context>
<context>
    <name>AdverseEventsSection</name>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Resolved (empty = ongoing)</source>
        <translation>Résolu (vide = en cours)</translation>
    </message>
    <message>
        <source>Serious?</source>
        <translation>Grave&#x202f;?</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Relation to CTP drug</source>
        <translation>Lien avec le médicament du PTC</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
    <message>
        <source>Adverse events since the last visit</source>
        <translation>Événements indésirables depuis la dernière visite</translation>
    </message>
    <message>
        <source>The date the event ended, written YYYY-MM-DD. Leave it empty while the event is still going on.</source>
        <translation>La date de fin de l&apos;événement, écrite AAAA-MM-JJ. Laissez-la vide tant que l&apos;événement se poursuit.</translation>
    </message>
    <message>
        <source>Add adverse event</source>
        <translation>Ajouter un événement indésirable</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Adverse event %1: describe the event.</source>
        <translation>Événement indésirable %1 : décrivez l&apos;événement.</translation>
    </message>
    <message numerus="yes">
        <source>%n adverse event(s) recorded</source>
        <translation>
            <numerusform>%n événement indésirable consigné</numerusform>
            <numerusform>%n événements indésirables consignés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n serious</source>
        <translation>
            <numerusform>, %n grave</numerusform>
            <numerusform>, %n graves</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n ongoing</source>
        <translation>
            <numerusform>, %n en cours</numerusform>
            <numerusform>, %n en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>. No row means none reported; an empty resolved date means ongoing.</source>
        <translation>. Aucune ligne signifie aucun événement signalé&#x202f;; une date de résolution vide signifie en cours.</translation>
    </message>
</context>
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
    <message>
        <source>other: %1</source>
        <translation>autre : %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
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
    <name>ArmPage</name>
    <message>
        <source>Choose the treatment arm</source>
        <translation>Choisir le bras de traitement</translation>
    </message>
    <message>
        <source>Each arm&apos;s rule from the plan is applied to the screening answers (and the prior-therapy rules to the history, on the enrollment date).</source>
        <translation>La règle du plan pour chaque bras est appliquée aux réponses de l&apos;évaluation d&apos;admissibilité (et les règles sur les traitements antérieurs à l&apos;historique, à la date d&apos;inscription).</translation>
    </message>
    <message>
        <source>Arm option</source>
        <translation>Option du bras</translation>
    </message>
    <message>
        <source>Reason for the exception</source>
        <translation>Motif de l&apos;exception</translation>
    </message>
    <message>
        <source>— choose the option —</source>
        <translation>— choisir l&apos;option —</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation> (provisoire)</translation>
    </message>
    <message>
        <source>Arm %1 option</source>
        <translation>Option du bras %1</translation>
    </message>
    <message>
        <source>&amp;Option:</source>
        <translation>&amp;Option :</translation>
    </message>
    <message>
        <source>Not available for this patient.</source>
        <translation>Non offert à ce patient.</translation>
    </message>
    <message>
        <source>R&amp;estart previously stopped IVIG (exception)</source>
        <translation>R&amp;eprendre les IgIV arrêtées auparavant (exception)</translation>
    </message>
    <message>
        <source>Use the exception to restart stopped IVIG</source>
        <translation>Appliquer l&apos;exception pour reprendre les IgIV arrêtées</translation>
    </message>
    <message>
        <source>Why restarting IVIG is considered</source>
        <translation>Pourquoi la reprise des IgIV est envisagée</translation>
    </message>
    <message>
        <source>Caution: %1</source>
        <translation>Mise en garde : %1</translation>
    </message>
    <message>
        <source>Monitoring: %1</source>
        <translation>Surveillance : %1</translation>
    </message>
    <message>
        <source>This arm&apos;s dose rule is provisional — verify against the published plan</source>
        <translation>La règle de dose de ce bras est provisoire — à vérifier dans le plan publié</translation>
    </message>
    <message>
        <source>Arm %1 prior-therapy rules</source>
        <translation>Règles sur les traitements antérieurs du bras %1</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Reason for going ahead with unknown prior-therapy rules</source>
        <translation>Motif pour poursuivre malgré des règles sur les traitements antérieurs non vérifiables</translation>
    </message>
    <message>
        <source>Only when a prior-therapy rule cannot be checked</source>
        <translation>Seulement si une règle sur les traitements antérieurs ne peut être vérifiée</translation>
    </message>
    <message>
        <source>Prior-therapy rules</source>
        <translation>Règles sur les traitements antérieurs</translation>
    </message>
    <message>
        <source>Reason for going ahead when a prior-therapy rule is &amp;unknown:</source>
        <translation>Motif pour poursuivre quand une règle sur les traitements antérieurs est &amp;inconnue :</translation>
    </message>
    <message>
        <source>✔ Prior-therapy rules met</source>
        <translation>✔ Règles sur les traitements antérieurs respectées</translation>
    </message>
    <message>
        <source>✘ EXCLUDED by the prior-therapy rules</source>
        <translation>✘ EXCLU par les règles sur les traitements antérieurs</translation>
    </message>
    <message>
        <source>? Prior-therapy rules to check</source>
        <translation>? Règles sur les traitements antérieurs à vérifier</translation>
    </message>
    <message>
        <source> (option %1)</source>
        <translation> (option %1)</translation>
    </message>
    <message>
        <source>Boundary date: %1.</source>
        <translation>Date limite : %1.</translation>
    </message>
    <message>
        <source>%1 on the enrollment date %2</source>
        <translation>%1 à la date d&apos;inscription du %2</translation>
    </message>
    <message>
        <source> — provisional</source>
        <translation> — provisoire</translation>
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
    <message>
        <source>Audit entry %1; UTC %2</source>
        <translation>Entrée d&apos;audit %1&#x202f;; UTC %2</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(vide)</translation>
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
    <name>AutoantibodiesSection</name>
    <message>
        <source>Myositis-specific and -associated autoantibodies (baseline)</source>
        <translation>Autoanticorps spécifiques et associés aux myosites (visite initiale)</translation>
    </message>
    <message>
        <source>%1 of %2 answered. Positive: %3</source>
        <translation>%1 sur %2 répondus. Positifs : %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
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
        <translation>La sauvegarde a été annulée&#x202f;; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
</context>
<context>
    <name>Backup check</name>
    <message>
        <source>There is no database file at %1.</source>
        <translation>Il n&apos;y a aucun fichier de base de données à %1.</translation>
    </message>
    <message>
        <source>%1 is empty; there is nothing to back up.</source>
        <translation>%1 est vide ; il n&apos;y a rien à sauvegarder.</translation>
    </message>
    <message>
        <source>The backup cannot be written over the database itself.</source>
        <translation>La sauvegarde ne peut pas être écrite par-dessus la base de données elle-même.</translation>
    </message>
    <message>
        <source>Could not back up %1: %2</source>
        <translation>Impossible de sauvegarder %1 (détail technique : %2)</translation>
    </message>
    <message>
        <source>The backup copy failed its integrity check: %1</source>
        <translation>La copie de sauvegarde a échoué à sa vérification d&apos;intégrité (détail technique : %1)</translation>
    </message>
    <message>
        <source>At least one automatic backup must be kept.</source>
        <translation>Au moins une sauvegarde automatique doit être conservée.</translation>
    </message>
    <message>
        <source>The backup passphrase cannot be empty.</source>
        <translation>La phrase de passe de la sauvegarde ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The encrypted backup&apos;s header asks for far more memory to unlock it than a jdm-ctp backup ever does: it is damaged or not a jdm-ctp backup.</source>
        <translation>L&apos;en-tête de la sauvegarde chiffrée demande bien plus de mémoire pour la déverrouiller qu&apos;une sauvegarde jdm-ctp n&apos;en demande jamais : elle est endommagée ou n&apos;est pas une sauvegarde jdm-ctp.</translation>
    </message>
    <message>
        <source>This file is not an encrypted jdm-ctp backup.</source>
        <translation>Ce fichier n&apos;est pas une sauvegarde jdm-ctp chiffrée.</translation>
    </message>
    <message>
        <source>The encrypted backup is truncated (too short).</source>
        <translation>La sauvegarde chiffrée est tronquée (trop courte).</translation>
    </message>
    <message>
        <source>This encrypted backup uses format %1, which this version of jdm-ctp does not know. Use a newer jdm-ctp to restore it.</source>
        <translation>Cette sauvegarde chiffrée utilise le format %1, que cette version de jdm-ctp ne connaît pas. Utilisez une version plus récente de jdm-ctp pour la restaurer.</translation>
    </message>
    <message>
        <source>The encrypted backup&apos;s header is damaged.</source>
        <translation>L&apos;en-tête de la sauvegarde chiffrée est endommagé.</translation>
    </message>
    <message>
        <source>The passphrase is wrong, or the backup file has been damaged or cut short: it could not be decrypted. Nothing has been changed.</source>
        <translation>La phrase de passe est erronée, ou le fichier de sauvegarde a été endommagé ou tronqué : il n&apos;a pas pu être déchiffré. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is no backup file at %1.</source>
        <translation>Il n&apos;y a aucun fichier de sauvegarde à %1.</translation>
    </message>
    <message>
        <source>%1 is an encrypted backup; give its passphrase (--passphrase-file) to restore it.</source>
        <translation>%1 est une sauvegarde chiffrée ; donnez sa phrase de passe (--passphrase-file) pour la restaurer.</translation>
    </message>
    <message>
        <source>The backup %1 is of an encrypted database; give the database passphrase it was taken under to check or restore it. Nothing has been changed.</source>
        <translation>La sauvegarde %1 est celle d&apos;une base de données chiffrée ; donnez la phrase de passe de la base de données sous laquelle elle a été faite pour la vérifier ou la restaurer. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The database passphrase does not open the backup %1: it may have been taken under an earlier passphrase, or it is not a jdm-ctp backup. Nothing has been changed.</source>
        <translation>La phrase de passe de la base de données n&apos;ouvre pas la sauvegarde %1 : elle a peut-être été faite sous une phrase de passe antérieure, ou ce n&apos;est pas une sauvegarde jdm-ctp. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup %1 is not usable: %2</source>
        <translation>La sauvegarde %1 est inutilisable : %2</translation>
    </message>
    <message>
        <source>The backup %1 is not a jdm-ctp database.</source>
        <translation>La sauvegarde %1 n&apos;est pas une base de données jdm-ctp.</translation>
    </message>
    <message>
        <source>The backup %1 is not a jdm-ctp database this version can read.</source>
        <translation>La sauvegarde %1 n&apos;est pas une base de données jdm-ctp que cette version peut lire.</translation>
    </message>
    <message>
        <source>The backup %1 was made by a newer version of jdm-ctp (schema %2; this version knows up to %3). Nothing has been changed.</source>
        <translation>La sauvegarde %1 a été faite par une version plus récente de jdm-ctp (schéma %2 ; cette version connaît jusqu&apos;au schéma %3). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup %1 is damaged: %2</source>
        <translation>La sauvegarde %1 est endommagée (détail technique : %2)</translation>
    </message>
    <message>
        <source>The backup %1 failed its integrity check (%2); it is damaged. Nothing has been changed.</source>
        <translation>La sauvegarde %1 a échoué à sa vérification d&apos;intégrité (détail technique : %2) ; elle est endommagée. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The backup %1 has broken references between records; nothing has been changed.</source>
        <translation>La sauvegarde %1 contient des liens rompus entre des enregistrements ; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The audit trail in the backup %1 has been altered (first bad entry %2); it was not restored. Nothing has been changed.</source>
        <translation>Le journal d&apos;audit de la sauvegarde %1 a été altéré (première entrée fautive : %2) ; elle n&apos;a pas été restaurée. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is encrypted, but the backup %2 is not: restoring it would leave the database unencrypted. If that is intended, confirm it (--allow-unencrypted), then encrypt the database again with &apos;jdm-ctp db encrypt&apos;. Nothing has been changed.</source>
        <translation>%1 est chiffrée, mais la sauvegarde %2 ne l&apos;est pas : la restaurer laisserait la base de données non chiffrée. Si c&apos;est voulu, confirmez-le (--allow-unencrypted), puis chiffrez de nouveau la base de données avec « jdm-ctp db encrypt ». Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is open in this program; close it and restore again. Nothing has been changed.</source>
        <translation>%1 est ouverte dans ce programme ; fermez-la et relancez la restauration. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>%1 is open in jdm-ctp or another program; close it and restore again. Nothing has been changed.</source>
        <translation>%1 est ouverte dans jdm-ctp ou un autre programme ; fermez-la et relancez la restauration. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>BodyMeasureField</name>
    <message>
        <source>%1 unit</source>
        <translation>Unité : %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>CdasiSection</name>
    <message>
        <source>Scalp</source>
        <translation>Cuir chevelu</translation>
    </message>
    <message>
        <source>Malar area</source>
        <translation>Région malaire</translation>
    </message>
    <message>
        <source>Periorbital</source>
        <translation>Région périorbitaire</translation>
    </message>
    <message>
        <source>Rest of the face</source>
        <translation>Reste du visage</translation>
    </message>
    <message>
        <source>V-area of the neck (front)</source>
        <translation>Zone en V du cou (face antérieure)</translation>
    </message>
    <message>
        <source>Posterior neck</source>
        <translation>Nuque</translation>
    </message>
    <message>
        <source>Upper back and shoulders</source>
        <translation>Haut du dos et épaules</translation>
    </message>
    <message>
        <source>Rest of back and buttocks</source>
        <translation>Reste du dos et fesses</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Lateral upper thigh</source>
        <translation>Face latérale de la cuisse</translation>
    </message>
    <message>
        <source>Rest of leg and feet</source>
        <translation>Reste de la jambe et pieds</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Mechanic&apos;s hand</source>
        <translation>Mains de mécanicien</translation>
    </message>
    <message>
        <source>Dorsum of hands (not over joints)</source>
        <translation>Dos des mains (hors articulations)</translation>
    </message>
    <message>
        <source>Gottron&apos;s, not on the hands</source>
        <translation>Gottron, ailleurs que sur les mains</translation>
    </message>
    <message>
        <source>Erythema</source>
        <translation>Érythème</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Squames</translation>
    </message>
    <message>
        <source>Erosion/ulceration</source>
        <translation>Érosion/ulcération</translation>
    </message>
    <message>
        <source>Periungual changes</source>
        <translation>Atteinte péri-unguéale</translation>
    </message>
    <message>
        <source>Alopecia: recent hair loss (last 30 days, as reported)</source>
        <translation>Alopécie : chute de cheveux récente (30 derniers jours, selon le patient)</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>pink; faint erythema</source>
        <translation>rose&#x202f;; érythème pâle</translation>
    </message>
    <message>
        <source>red</source>
        <translation>rouge</translation>
    </message>
    <message>
        <source>dark red</source>
        <translation>rouge foncé</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>squames</translation>
    </message>
    <message>
        <source>crust; lichenification</source>
        <translation>croûtes&#x202f;; lichénification</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>pink or red erythema, or microscopic telangiectasias</source>
        <translation>érythème rose ou rouge, ou télangiectasies microscopiques</translation>
    </message>
    <message>
        <source>visible telangiectasias</source>
        <translation>télangiectasies visibles</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands: erythema</source>
        <translation>Papules de Gottron sur les mains : érythème</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands: papules present</source>
        <translation>Papules de Gottron sur les mains : papules présentes</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands: ulceration</source>
        <translation>Papules de Gottron sur les mains : ulcération</translation>
    </message>
    <message>
        <source>CDASI %1: grade must be a whole number from 0 to %2; %3 was entered.</source>
        <translation>CDASI %1 : le grade doit être un nombre entier de 0 à %2&#x202f;; %3 a été saisi.</translation>
    </message>
    <message>
        <source>CDASI activity (degree of the skin rash)</source>
        <translation>Activité CDASI (degré de l’éruption cutanée)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands</source>
        <translation>Papules de Gottron sur les mains</translation>
    </message>
    <message>
        <source>Papules present on the hands (doubles the erythema grade above)</source>
        <translation>Papules présentes sur les mains (double le grade d’érythème ci-dessus)</translation>
    </message>
    <message>
        <source>Provisional: the Gottron&apos;s papules on the hands row (erythema doubled when papules are present, ulceration) follows a public reproduction of the form, not the primary form. Source: %1</source>
        <translation>Provisoire : la ligne des papules de Gottron sur les mains (érythème doublé en présence de papules, ulcération) suit une reproduction publique du formulaire, non le formulaire original. Source : %1</translation>
    </message>
    <message>
        <source>CDASI activity %1 of %2 (sum of the item grades, the hands&apos; Gottron&apos;s erythema counted twice when papules are present)</source>
        <translation>Activité CDASI %1 sur %2 (somme des grades, l’érythème des papules de Gottron des mains compté deux fois en présence de papules)</translation>
    </message>
    <message>
        <source>CDASI activity not scored: the Gottron&apos;s papules on the hands row is not graded (a visit recorded before the row was added does not have it); the other %1 items add up to %2 of %3</source>
        <translation>Activité CDASI non calculée : la ligne des papules de Gottron sur les mains n’est pas cotée (une visite enregistrée avant l’ajout de cette ligne n’en a pas)&#x202f;; les %1 autres éléments totalisent %2 sur %3</translation>
    </message>
    <message>
        <source>CDASI activity not scored: %1 of %2 items not graded (graded so far add up to %3)</source>
        <translation>Activité CDASI non calculée : %1 éléments sur %2 non cotés (ceux cotés totalisent %3)</translation>
    </message>
</context>
<context>
    <name>ChaqSection</name>
    <message>
        <source>Childhood Health Assessment Questionnaire (CHAQ), disability index 0-3</source>
        <translation>Questionnaire d&apos;évaluation de la santé de l&apos;enfant (CHAQ), indice d&apos;incapacité 0-3</translation>
    </message>
    <message>
        <source>N/A — not applicable</source>
        <translation>S.O. — sans objet</translation>
    </message>
    <message>
        <source>Help from another person</source>
        <translation>Aide d&apos;une autre personne</translation>
    </message>
    <message>
        <source>Other aid or device: which domains does it help with?</source>
        <translation>Autre aide ou appareil : pour quels domaines&#x202f;?</translation>
    </message>
    <message>
        <source>Other aid or device used</source>
        <translation>Autre aide ou appareil utilisé</translation>
    </message>
    <message>
        <source>Domain score = highest item; an aid/device or help raises it to at least 2 (device-domain mapping provisional). Index = mean of answered domains, at least 6 of 8 (provisional).</source>
        <translation>Score du domaine = item le plus élevé&#x202f;; une aide, un appareil ou l&apos;aide d&apos;une personne le porte à au moins 2 (correspondance appareil-domaine provisoire). Indice = moyenne des domaines répondus, au moins 6 sur 8 (provisoire).</translation>
    </message>
    <message>
        <source>Domain score: %1</source>
        <translation>Score du domaine : %1</translation>
    </message>
    <message>
        <source>unanswered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source> (raised from %1 by aid/help)</source>
        <translation> (porté de %1 par une aide)</translation>
    </message>
    <message>
        <source>&lt;b&gt;CHAQ disability index %1&lt;/b&gt; = (%2) / %3 answered domains = %4 / %3.</source>
        <translation>&lt;b&gt;Indice d&apos;incapacité du CHAQ %1&lt;/b&gt; = (%2) / %3 domaines répondus = %4 / %3.</translation>
    </message>
    <message>
        <source>Not answered: %1.</source>
        <translation>Sans réponse : %1.</translation>
    </message>
    <message>
        <source>DI %1</source>
        <translation>DI %1</translation>
    </message>
    <message>
        <source>no index</source>
        <translation>aucun indice</translation>
    </message>
</context>
<context>
    <name>ChoiceWithOther</name>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>Other (type it below; not exported when de-identified)</source>
        <translation>Autre (à saisir ci-dessous&#x202f;; non exporté lorsque dépersonnalisé)</translation>
    </message>
    <message>
        <source>%1, other</source>
        <translation>%1, autre</translation>
    </message>
    <message>
        <source>other — stays in this clinic&apos;s records</source>
        <translation>autre — reste dans les dossiers de cette clinique</translation>
    </message>
</context>
<context>
    <name>Citation</name>
    <message>
        <source>(2016 ACR/EULAR juvenile dermatomyositis response criteria)</source>
        <translation>(critères de réponse ACR/EULAR 2016 de la dermatomyosite juvénile)</translation>
    </message>
    <message>
        <source>(provisional; verify against the IMACS calculator)</source>
        <translation>(provisoire&#x202f;; à vérifier avec le calculateur IMACS)</translation>
    </message>
    <message>
        <source>4 mg methylprednisolone = 5 mg prednisone</source>
        <translation>4 mg de méthylprednisolone = 5 mg de prednisone</translation>
    </message>
    <message>
        <source>); provisional</source>
        <translation>)&#x202f;; provisoire</translation>
    </message>
</context>
<context>
    <name>ClinicSettings</name>
    <message>
        <source>The number of backups kept must be a whole number from %1 to %2.</source>
        <translation>Le nombre de sauvegardes conservées doit être un nombre entier de %1 à %2.</translation>
    </message>
    <message>
        <source>Choose a folder for the automatic backups.</source>
        <translation>Choisissez un dossier pour les sauvegardes automatiques.</translation>
    </message>
    <message>
        <source>The backup folder name contains a character that is not allowed.</source>
        <translation>Le nom du dossier des sauvegardes contient un caractère non permis.</translation>
    </message>
    <message>
        <source>Give the full location of the backup folder, starting with the drive or the top folder, not just “%1”.</source>
        <translation>Donnez l&apos;emplacement complet du dossier des sauvegardes, à partir du lecteur ou du dossier de premier niveau, et non seulement « %1 ».</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder.</source>
        <translation>%1 est un fichier, pas un dossier. Choisissez un dossier.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created (%2). Choose another folder.</source>
        <translation>Le dossier %1 n&apos;existe pas et ne peut pas être créé (%2). Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>jdm-ctp cannot write to %1 (%2). Choose a folder you are allowed to write to.</source>
        <translation>jdm-ctp ne peut pas écrire dans %1 (%2). Choisissez un dossier où vous avez le droit d&apos;écrire.</translation>
    </message>
</context>
<context>
    <name>CmasSection</name>
    <message>
        <source>Childhood Myositis Assessment Scale (CMAS), total 0-52</source>
        <translation>Échelle d&apos;évaluation de la myosite chez l&apos;enfant (CMAS), total 0-52</translation>
    </message>
    <message>
        <source>CMAS item %1</source>
        <translation>CMAS, item %1</translation>
    </message>
    <message>
        <source>CMAS item %1, seconds</source>
        <translation>CMAS, item %1, secondes</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>or seconds held</source>
        <translation>ou secondes tenues</translation>
    </message>
    <message>
        <source>or each variant:</source>
        <translation>ou chaque variante :</translation>
    </message>
    <message>
        <source>Item %1: %2</source>
        <translation>Item %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>→ score %1 (%2)</source>
        <translation>→ score %1 (%2)</translation>
    </message>
    <message>
        <source>%1: enter all six</source>
        <translation>%1 : saisissez les six</translation>
    </message>
    <message>
        <source>&lt;b&gt;CMAS total %1 / %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total CMAS %1 / %2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;CMAS total not computed&lt;/b&gt;: %n entry(ies) to correct.</source>
        <translation>
            <numerusform>&lt;b&gt;Total CMAS non calculé&lt;/b&gt; : %n entrée à corriger.</numerusform>
            <numerusform>&lt;b&gt;Total CMAS non calculé&lt;/b&gt; : %n entrées à corriger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Incomplete&lt;/b&gt;: %n of 14 items missing; sum of the items entered %1 (partial, not a total).</source>
        <translation>
            <numerusform>&lt;b&gt;Incomplet&lt;/b&gt; : %n item sur 14 manquant&#x202f;; somme des items saisis %1 (partielle, pas un total).</numerusform>
            <numerusform>&lt;b&gt;Incomplet&lt;/b&gt; : %n items sur 14 manquants&#x202f;; somme des items saisis %1 (partielle, pas un total).</numerusform>
        </translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplet</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>erreurs</translation>
    </message>
</context>
<context>
    <name>Coded value</name>
    <message>
        <source>once daily</source>
        <translation>une fois par jour</translation>
    </message>
    <message>
        <source>twice daily</source>
        <translation>deux fois par jour</translation>
    </message>
    <message>
        <source>three times daily</source>
        <translation>trois fois par jour</translation>
    </message>
    <message>
        <source>four times daily</source>
        <translation>quatre fois par jour</translation>
    </message>
    <message>
        <source>every other day</source>
        <translation>un jour sur deux</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>chaque semaine</translation>
    </message>
    <message>
        <source>twice weekly</source>
        <translation>deux fois par semaine</translation>
    </message>
    <message>
        <source>every 2 weeks</source>
        <translation>toutes les 2 semaines</translation>
    </message>
    <message>
        <source>every 4 weeks</source>
        <translation>toutes les 4 semaines</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>chaque mois</translation>
    </message>
    <message>
        <source>as needed</source>
        <translation>au besoin</translation>
    </message>
    <message>
        <source>once</source>
        <translation>une seule fois</translation>
    </message>
    <message>
        <source>mg</source>
        <translation>mg</translation>
    </message>
    <message>
        <source>g</source>
        <translation>g</translation>
    </message>
    <message>
        <source>mcg</source>
        <translation>mcg</translation>
    </message>
    <message>
        <source>mg/kg</source>
        <translation>mg/kg</translation>
    </message>
    <message>
        <source>mg/m²</source>
        <translation>mg/m²</translation>
    </message>
    <message>
        <source>mL</source>
        <translation>mL</translation>
    </message>
    <message>
        <source>IU</source>
        <translation>UI</translation>
    </message>
    <message>
        <source>units</source>
        <translation>unités</translation>
    </message>
    <message>
        <source>tablet</source>
        <translation>comprimé</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>drop</source>
        <translation>goutte</translation>
    </message>
    <message>
        <source>puff</source>
        <translation>inhalation</translation>
    </message>
</context>
<context>
    <name>Cohort figure</name>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1 (n = %2)</translation>
    </message>
    <message>
        <source>%1 IQR</source>
        <translation>%1 EIQ</translation>
    </message>
    <message>
        <source>%1 censored</source>
        <translation>%1 censuré</translation>
    </message>
    <message>
        <source>%1 median</source>
        <translation>%1 médiane</translation>
    </message>
    <message>
        <source>%1 positive (of tested)</source>
        <translation>%1 positif (parmi les testés)</translation>
    </message>
    <message>
        <source>%1: events (per patient-year)</source>
        <translation>%1 : événements (par année-patient)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Adverse events per patient-year: all, serious, related (possible, probable or definite) and by category as coded at the visit; events recorded before the coding existed are counted under &apos;category not recorded&apos;.</source>
        <translation>Événements indésirables par année-patient : tous, graves, liés (possible, probable ou certaine) et par catégorie codée à la visite&#x202f;; les événements consignés avant l&apos;existence du codage sont comptés sous « catégorie non consignée ».</translation>
    </message>
    <message>
        <source>Age at enrollment, years</source>
        <translation>Âge à l&apos;inscription, années</translation>
    </message>
    <message>
        <source>Age, years</source>
        <translation>Âge, années</translation>
    </message>
    <message>
        <source>All adverse events</source>
        <translation>Tous les événements indésirables</translation>
    </message>
    <message>
        <source>All, serious, related and by category (as coded at the visit).</source>
        <translation>Tous, graves, liés et par catégorie (codés à la visite).</translation>
    </message>
    <message>
        <source>CHAQ disability index (0-3)</source>
        <translation>Indice d&apos;incapacité du CHAQ (0-3)</translation>
    </message>
    <message>
        <source>Category not recorded</source>
        <translation>Catégorie non consignée</translation>
    </message>
    <message>
        <source>Censored at the last follow-up visit with a PRINTO status.</source>
        <translation>Censuré à la dernière visite de suivi ayant un statut PRINTO.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Continuous: median (IQR), n; mean (SD). Binary: n/N (%). SMD: standardized mean difference, |SMD| &gt; 0.1 suggests imbalance.</source>
        <translation>Continues : médiane (EIQ), n&#x202f;; moyenne (ÉT). Binaires : n/N (%). DMS : différence moyenne standardisée, |DMS| &gt; 0.1 suggère un déséquilibre.</translation>
    </message>
    <message>
        <source>Cumulative corticosteroid exposure to month 12: oral prednisone-equivalent dose of each visit carried to the next visit, plus IV methylprednisolone pulses × dose × 1.25 (4 mg methylprednisolone = 5 mg prednisone (Liu D et al., Allergy Asthma Clin Immunol 2013;9:30, Table 1); provisional), per kg of the weight at that visit, from the first visit to the month-12 visit; a child with a dose or weight missing on the way is counted apart, not estimated (provisional project rule, issue 18).</source>
        <translation>Exposition cumulée aux corticostéroïdes jusqu&apos;au mois 12 : dose orale en équivalent prednisone de chaque visite reportée jusqu&apos;à la visite suivante, plus bolus de méthylprednisolone IV × dose × 1.25 (4 mg de méthylprednisolone = 5 mg de prednisone (Liu D et al., Allergy Asthma Clin Immunol 2013&#x202f;;9:30, tableau 1)&#x202f;; provisoire), par kg du poids à cette visite, de la première visite à la visite du mois 12&#x202f;; un enfant dont une dose ou un poids manque en cours de route est compté à part, non estimé (règle provisoire du projet, issue 18).</translation>
    </message>
    <message>
        <source>Cumulative prednisone-equivalent to month 12, mg/kg: median (IQR)</source>
        <translation>Équivalent prednisone cumulé jusqu&apos;au mois 12, mg/kg : médiane (EIQ)</translation>
    </message>
    <message>
        <source>Cumulative: oral dose carried to the next visit plus IV methylprednisolone × 1.25, per kg, first visit to the month-12 visit (provisional rule).</source>
        <translation>Cumul : dose orale reportée jusqu&apos;à la visite suivante plus méthylprednisolone IV × 1.25, par kg, de la première visite à la visite du mois 12 (règle provisoire).</translation>
    </message>
    <message>
        <source>Daily corticosteroid at enrollment, mg/kg/day</source>
        <translation>Corticostéroïde quotidien à l&apos;inscription, mg/kg/jour</translation>
    </message>
    <message>
        <source>Disease duration at enrollment, months</source>
        <translation>Durée de la maladie à l&apos;inscription, mois</translation>
    </message>
    <message>
        <source>Disease duration: months from the recorded disease onset to enrollment.</source>
        <translation>Durée de la maladie : mois entre le début consigné de la maladie et l&apos;inscription.</translation>
    </message>
    <message>
        <source>Dose at enrollment, mg/kg/day: median (IQR)</source>
        <translation>Dose à l&apos;inscription, mg/kg/jour : médiane (EIQ)</translation>
    </message>
    <message>
        <source>Each enrollment is analysed under the arm it started on; switches are counted, not re-assigned.</source>
        <translation>Chaque inscription est analysée dans le bras où elle a commencé&#x202f;; les changements sont comptés, non réattribués.</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Sexe féminin</translation>
    </message>
    <message>
        <source>Follow-up per patient, months: median (IQR)</source>
        <translation>Suivi par patient, mois : médiane (EIQ)</translation>
    </message>
    <message>
        <source>Follow-up, patient-years</source>
        <translation>Suivi, années-patients</translation>
    </message>
    <message>
        <source>Follow-up: enrollment to the last visit done.</source>
        <translation>Suivi : de l&apos;inscription à la dernière visite faite.</translation>
    </message>
    <message>
        <source>In the analysis (not inactive at baseline)</source>
        <translation>Dans l&apos;analyse (non inactifs à la visite initiale)</translation>
    </message>
    <message>
        <source>Inactive at baseline (not at risk)</source>
        <translation>Inactifs à la visite initiale (non à risque)</translation>
    </message>
    <message>
        <source>Inactive by month %1 (KM, day %2)</source>
        <translation>Inactifs au mois %1 (KM, jour %2)</translation>
    </message>
    <message>
        <source>Inactive disease (PRINTO) by month %1</source>
        <translation>Maladie inactive (PRINTO) au mois %1</translation>
    </message>
    <message>
        <source>MDAAT cutaneous activity VAS (0-10)</source>
        <translation>MDAAT : EVA de l&apos;activité cutanée (0-10)</translation>
    </message>
    <message>
        <source>MDAAT cutaneous activity VAS (median, IQR)</source>
        <translation>MDAAT : EVA de l&apos;activité cutanée (médiane, EIQ)</translation>
    </message>
    <message>
        <source>MDAAT cutaneous activity VAS, cm</source>
        <translation>MDAAT : EVA de l&apos;activité cutanée, cm</translation>
    </message>
    <message>
        <source>MMT8 unilateral (0-80)</source>
        <translation>MMT8 unilatéral (0-80)</translation>
    </message>
    <message>
        <source>Median (IQR), n: patients with the VAS recorded at that visit.</source>
        <translation>Médiane (EIQ), n : patients dont l&apos;EVA est consignée à cette visite.</translation>
    </message>
    <message>
        <source>Medians with interquartile range (quartiles by linear interpolation, type 7). Standardized mean difference: (m1 − m2)/√((s1² + s2²)/2); binary: (p1 − p2)/√((p1(1 − p1) + p2(1 − p2))/2); |SMD| &gt; 0.1 is the usual mark of imbalance.</source>
        <translation>Médianes avec écart interquartile (quartiles par interpolation linéaire, type 7). Différence moyenne standardisée : (m1 − m2)/√((s1² + s2²)/2)&#x202f;; binaire : (p1 − p2)/√((p1(1 − p1) + p2(1 − p2))/2)&#x202f;; |DMS| &gt; 0.1 est le repère habituel d&apos;un déséquilibre.</translation>
    </message>
    <message>
        <source>Month %1: %2 improvement or better</source>
        <translation>Mois %1 : amélioration %2 ou mieux</translation>
    </message>
    <message>
        <source>Month %1: IMACS improvement</source>
        <translation>Mois %1 : amélioration IMACS</translation>
    </message>
    <message>
        <source>Month %1: TIS, median (IQR)</source>
        <translation>Mois %1 : TIS, médiane (EIQ)</translation>
    </message>
    <message>
        <source>Month %1: major improvement</source>
        <translation>Mois %1 : amélioration majeure</translation>
    </message>
    <message>
        <source>Month %1: visit done</source>
        <translation>Mois %1 : visite faite</translation>
    </message>
    <message>
        <source>Month-12 visit done, cumulative not computable (a dose or weight missing)</source>
        <translation>Visite du mois 12 faite, cumul non calculable (une dose ou un poids manque)</translation>
    </message>
    <message>
        <source>Nothing is imputed: each figure gives the number of patients it rests on (n).</source>
        <translation>Rien n&apos;est imputé : chaque chiffre donne le nombre de patients sur lequel il repose (n).</translation>
    </message>
    <message>
        <source>Number at risk, month %1</source>
        <translation>Nombre à risque, mois %1</translation>
    </message>
    <message>
        <source>Off daily corticosteroid at month 12 (medications recorded)</source>
        <translation>Sans corticostéroïde quotidien au mois 12 (médicaments consignés)</translation>
    </message>
    <message>
        <source>On a daily corticosteroid at enrollment (prescription or baseline visit)</source>
        <translation>Sous corticostéroïde quotidien à l&apos;inscription (ordonnance ou visite initiale)</translation>
    </message>
    <message>
        <source>Only completed or signed visits count, with their adverse events (a draft may be half entered); follow-up runs from enrollment to the last of them.</source>
        <translation>Seules les visites complètes ou signées comptent, avec leurs événements indésirables (un brouillon peut être à moitié saisi)&#x202f;; le suivi va de l&apos;inscription à la dernière d&apos;entre elles.</translation>
    </message>
    <message>
        <source>PRINTO status not determinable (left out)</source>
        <translation>Statut PRINTO non déterminable (exclus)</translation>
    </message>
    <message>
        <source>Patient-years of follow-up</source>
        <translation>Années-patients de suivi</translation>
    </message>
    <message>
        <source>Patients with every covariate recorded (of those enrolled)</source>
        <translation>Patients avec toutes les covariables consignées (parmi les inscrits)</translation>
    </message>
    <message>
        <source>Physician global activity VAS (0-10)</source>
        <translation>EVA de l&apos;activité globale (médecin) (0-10)</translation>
    </message>
    <message>
        <source>Reached PRINTO clinically inactive disease (Kaplan–Meier)</source>
        <translation>Maladie cliniquement inactive PRINTO atteinte (Kaplan–Meier)</translation>
    </message>
    <message>
        <source>Reached inactive disease</source>
        <translation>Maladie inactive atteinte</translation>
    </message>
    <message>
        <source>Related (possible, probable, definite)</source>
        <translation>Liés (possible, probable, certaine)</translation>
    </message>
    <message>
        <source>SMD before → after weighting: %1</source>
        <translation>DMS avant → après pondération : %1</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Graves</translation>
    </message>
    <message>
        <source>Shares of the patients with a TIS (or an IMACS decision) at that visit; the rest of the visits done lacked a core set measure.</source>
        <translation>Proportions des patients ayant un TIS (ou une décision IMACS) à cette visite&#x202f;; les autres visites faites manquaient d&apos;une mesure de l&apos;ensemble de base.</translation>
    </message>
    <message>
        <source>Stabilised weights after truncation: range</source>
        <translation>Poids stabilisés après troncature : étendue</translation>
    </message>
    <message>
        <source>Stopped (withdrawn)</source>
        <translation>Arrêtés (retirés)</translation>
    </message>
    <message>
        <source>Switched arm</source>
        <translation>Changement de bras</translation>
    </message>
    <message>
        <source>TIS at month %1</source>
        <translation>TIS au mois %1</translation>
    </message>
    <message>
        <source>TIS categories (JDM, Rider 2017): minimal ≥ 30, moderate ≥ 45, major ≥ 70; IMACS improvement as defined by the IMACS group (both provisional where the visit form says so).</source>
        <translation>Catégories du TIS (DMJ, Rider 2017) : minime ≥ 30, modérée ≥ 45, majeure ≥ 70&#x202f;; amélioration IMACS selon la définition du groupe IMACS (les deux provisoires là où le formulaire de visite l&apos;indique).</translation>
    </message>
    <message>
        <source>Time to PRINTO clinically inactive disease: from enrollment to the first follow-up visit found inactive (Lazarevic 2013: 3 of CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, PGA ≤ 0.2), censored at the last follow-up visit with a PRINTO status; children inactive at baseline are not at risk.</source>
        <translation>Délai jusqu&apos;à la maladie cliniquement inactive selon PRINTO : de l&apos;inscription à la première visite de suivi jugée inactive (Lazarevic 2013 : 3 critères parmi CK ≤ 150 U/L, CMAS ≥ 48, MMT8 ≥ 78, EGM ≤ 0.2), censuré à la dernière visite de suivi ayant un statut PRINTO&#x202f;; les enfants inactifs à la visite initiale ne sont pas à risque.</translation>
    </message>
    <message>
        <source>Total improvement score (median, IQR)</source>
        <translation>Score total d&apos;amélioration (médiane, EIQ)</translation>
    </message>
    <message>
        <source>Weighted comparison</source>
        <translation>Comparaison pondérée</translation>
    </message>
    <message>
        <source>crude %1 vs %2; n = %3/%4</source>
        <translation>brut %1 contre %2&#x202f;; n = %3/%4</translation>
    </message>
    <message>
        <source>not shown: fewer than %1 patients with every covariate recorded on an arm (%2)</source>
        <translation>non affiché : moins de %1 patients avec toutes les covariables consignées dans un bras (%2)</translation>
    </message>
    <message>
        <source>weighted %1 %2 vs %3 %4 (%5)</source>
        <translation>pondéré %1 %2 contre %3 %4 (%5)</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>n = %1/%2: not enough to compare</source>
        <translation>n = %1/%2 : pas assez pour comparer</translation>
    </message>
    <message>
        <source>no interval: %1 usable replicates</source>
        <translation>pas d&apos;intervalle : %1 réplications utilisables</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>(seed %1); model not fitted in %2 (%3)</source>
        <translation>(graine %1) ; modèle non ajusté dans %2 (%3)</translation>
    </message>
    <message>
        <source>95% CI %1 to %2 from %3 replicates</source>
        <translation>IC à 95 % %1 à %2 sur %3 réplications</translation>
    </message>
    <message>
        <source>mean %1 (SD %2)</source>
        <translation>moyenne %1 (ÉT %2)</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minime</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>months since enrollment</source>
        <translation>mois depuis l&apos;inscription</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>aucune donnée</translation>
    </message>
    <message>
        <source>share reached</source>
        <translation>proportion atteinte</translation>
    </message>
    <message>
        <source>shown (exploratory)</source>
        <translation>affiché (exploratoire)</translation>
    </message>
    <message>
        <source>%1 replicates resampled within arm, model re-fitted each time</source>
        <translation>%1 réplications rééchantillonnées dans chaque bras, modèle réajusté à chaque fois</translation>
    </message>
    <message>
        <source>(seed %1); model not fitted in %2</source>
        <translation>(graine %1) ; modèle non ajusté dans %2</translation>
    </message>
    <message>
        <source>95% intervals (bootstrap)</source>
        <translation>Intervalles à 95 % (bootstrap)</translation>
    </message>
    <message>
        <source>not computed (on request: a minute or more on a large cohort)</source>
        <translation>non calculés (sur demande : une minute ou plus sur une grande cohorte)</translation>
    </message>
    <message>
        <source>Exploratory: an observational comparison. Weighting balances only the covariates measured and listed here; anything else that guided the choice of arm (severity not captured, family preference, access to infusions) is not accounted for.</source>
        <translation>Exploratoire : une comparaison observationnelle. La pondération n&apos;équilibre que les covariables mesurées et énumérées ici&#x202f;; tout autre élément ayant guidé le choix du bras (gravité non saisie, préférence de la famille, accès aux perfusions) n&apos;est pas pris en compte.</translation>
    </message>
    <message>
        <source>Logistic model of the arm on the baseline covariates listed, fitted on the patients with every covariate recorded (complete cases; nothing imputed). Stabilised weights P(arm) / P(arm | covariates), truncated at their 1st and 99th percentiles.</source>
        <translation>Modèle logistique du bras selon les covariables initiales énumérées, ajusté sur les patients dont chaque covariable est saisie (cas complets&#x202f;; rien n&apos;est imputé). Poids stabilisés P(bras) / P(bras | covariables), tronqués à leurs 1er et 99e centiles.</translation>
    </message>
    <message>
        <source>|SMD| ≤ 0.1 after weighting is the usual mark of adequate balance. 95% intervals of the weighted differences: bootstrap percentiles, the patients resampled within each arm and the model re-fitted in every replicate (a fixed seed, so the same data give the same interval); replicates whose model could not be fitted are counted and left out. They are computed on request.</source>
        <translation>Un |DMS| ≤ 0.1 après pondération est le repère habituel d&apos;un équilibre adéquat. Intervalles à 95 % des différences pondérées : centiles du bootstrap, les patients rééchantillonnés dans chaque bras et le modèle réajusté à chaque réplication (graine fixe : les mêmes données donnent le même intervalle)&#x202f;; les réplications dont le modèle n&apos;a pu être ajusté sont comptées et écartées. Ils sont calculés sur demande.</translation>
    </message>
    <message>
        <source>not shown: %1</source>
        <translation>non affiché : %1</translation>
    </message>
    <message>
        <source>the covariates are collinear</source>
        <translation>les covariables sont colinéaires</translation>
    </message>
    <message>
        <source>no patients</source>
        <translation>aucun patient</translation>
    </message>
    <message>
        <source>a covariate has the same value for everyone</source>
        <translation>une covariable a la même valeur pour tous</translation>
    </message>
    <message>
        <source>the covariates separate the arms</source>
        <translation>les covariables séparent les bras</translation>
    </message>
    <message>
        <source>the model did not converge</source>
        <translation>le modèle n&apos;a pas convergé</translation>
    </message>
</context>
<context>
    <name>Cohort table</name>
    <message>
        <source>Patients and follow-up by arm</source>
        <translation>Patients et suivi par bras</translation>
    </message>
    <message>
        <source>Baseline characteristics by arm</source>
        <translation>Caractéristiques initiales par bras</translation>
    </message>
    <message>
        <source>Time to PRINTO clinically inactive disease (Kaplan–Meier)</source>
        <translation>Délai jusqu&apos;à la maladie cliniquement inactive PRINTO (Kaplan–Meier)</translation>
    </message>
    <message>
        <source>Total improvement score and IMACS improvement</source>
        <translation>Score total d&apos;amélioration et amélioration IMACS</translation>
    </message>
    <message>
        <source>MDAAT cutaneous activity VAS (0-10 cm) by scheduled visit</source>
        <translation>EVA de l&apos;activité cutanée MDAAT (0-10 cm) par visite prévue</translation>
    </message>
    <message>
        <source>Corticosteroid exposure</source>
        <translation>Exposition aux corticostéroïdes</translation>
    </message>
    <message>
        <source>Adverse events per patient-year</source>
        <translation>Événements indésirables par année-patient</translation>
    </message>
    <message>
        <source>Exploratory: propensity-score weighted comparison</source>
        <translation>Exploratoire : comparaison pondérée par score de propension</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consigné</translation>
    </message>
</context>
<context>
    <name>CohortWindow</name>
    <message>
        <source>Compute 95% &amp;intervals (bootstrap, %1 replicates)</source>
        <translation>Calculer les &amp;intervalles à 95 % (bootstrap, %1 réplications)</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Visite initiale</translation>
    </message>
    <message>
        <source>Inactive disease</source>
        <translation>Maladie inactive</translation>
    </message>
    <message>
        <source>TIS and IMACS</source>
        <translation>TIS et IMACS</translation>
    </message>
    <message>
        <source>Skin VAS</source>
        <translation>EVA cutanée</translation>
    </message>
    <message>
        <source>Steroids and adverse events</source>
        <translation>Corticostéroïdes et événements indésirables</translation>
    </message>
    <message>
        <source>Outcomes by arm</source>
        <translation>Résultats par bras</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan :</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>How these are computed</source>
        <translation>Comment ces chiffres sont calculés</translation>
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
    <message numerus="yes">
        <source>%1 (%n enrollment(s))</source>
        <translation>
            <numerusform>%1 (%n inscription)</numerusform>
            <numerusform>%1 (%n inscriptions)</numerusform>
        </translation>
    </message>
    <message>
        <source>No patient is enrolled yet: there are no outcomes to show.</source>
        <translation>Aucun patient n&apos;est encore inscrit : il n&apos;y a aucun résultat à afficher.</translation>
    </message>
    <message>
        <source>Computing outcomes by arm…</source>
        <translation>Calcul des résultats par bras…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n enrollment(s), analysed under the arm each started on. Every figure gives the patients it rests on (n); double-click a number to list them. Computed in %2 s.</source>
        <translation>
            <numerusform>%1 : %n inscription, analysée dans le bras où elle a commencé. Chaque chiffre donne les patients sur lesquels il repose (n)&#x202f;; double-cliquez sur un nombre pour les lister. Calculé en %2 s.</numerusform>
            <numerusform>%1 : %n inscriptions, analysées dans le bras où chacune a commencé. Chaque chiffre donne les patients sur lesquels il repose (n)&#x202f;; double-cliquez sur un nombre pour les lister. Calculé en %2 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to list the patients behind this figure</source>
        <translation>Double-cliquez pour lister les patients derrière ce chiffre</translation>
    </message>
    <message>
        <source>SMD %1</source>
        <translation>DMS %1</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 contre %2</translation>
    </message>
</context>
<context>
    <name>ConcomitantPage</name>
    <message>
        <source>Concomitant medication and counselling</source>
        <translation>Médicaments concomitants et counseling</translation>
    </message>
    <message>
        <source>Concomitant medication allowed by the plan.</source>
        <translation>Médicaments concomitants permis par le plan.</translation>
    </message>
    <message>
        <source>Daily corticosteroid dose in mg per day</source>
        <translation>Dose quotidienne de corticostéroïde en mg par jour</translation>
    </message>
    <message>
        <source>empty = no daily corticosteroid</source>
        <translation>vide = aucun corticostéroïde quotidien</translation>
    </message>
    <message>
        <source>Daily corticosteroid</source>
        <translation>Corticostéroïde quotidien</translation>
    </message>
    <message>
        <source>Daily &amp;corticosteroid (mg/day):</source>
        <translation>&amp;Corticostéroïde quotidien (mg/jour) :</translation>
    </message>
    <message>
        <source>IV &amp;methylprednisolone pulses at the provider&apos;s discretion</source>
        <translation>Bolus de &amp;méthylprednisolone IV à la discrétion du médecin traitant</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulses</source>
        <translation>Bolus de méthylprednisolone IV</translation>
    </message>
    <message>
        <source>Pulse methylprednisolone schedule</source>
        <translation>Calendrier des bolus de méthylprednisolone</translation>
    </message>
    <message>
        <source>— choose the schedule —</source>
        <translation>— choisir le calendrier —</translation>
    </message>
    <message>
        <source>Pulse methylprednisolone dose in mg</source>
        <translation>Dose de méthylprednisolone par bolus en mg</translation>
    </message>
    <message>
        <source>mg per pulse; empty = record the maximum only</source>
        <translation>mg par bolus&#x202f;; vide = consigner seulement le maximum</translation>
    </message>
    <message>
        <source>Pulse &amp;dose (mg):</source>
        <translation>&amp;Dose par bolus (mg) :</translation>
    </message>
    <message>
        <source>Pulse methylprednisolone</source>
        <translation>Bolus de méthylprednisolone</translation>
    </message>
    <message>
        <source>Pulse dose rule: provisional — verify against the published plan</source>
        <translation>Règle de dose des bolus : provisoire — à vérifier dans le plan publié</translation>
    </message>
    <message>
        <source>&amp;Sun avoidance and sunscreen counselling given</source>
        <translation>Counseling sur l&apos;évitement du &amp;soleil et l&apos;écran solaire donné</translation>
    </message>
    <message>
        <source>Sun protection counselling given</source>
        <translation>Counseling sur la protection solaire donné</translation>
    </message>
    <message>
        <source>Current therapies recorded at screening</source>
        <translation>Traitements en cours consignés à l&apos;évaluation d&apos;admissibilité</translation>
    </message>
    <message>
        <source>Maximum for %1 kg: %2 mg/day. Higher doses are refused.</source>
        <translation>Maximum pour %1 kg : %2 mg/jour. Une dose plus élevée est refusée.</translation>
    </message>
    <message>
        <source>This plan gives no daily corticosteroid limit.</source>
        <translation>Ce plan ne fixe aucune limite de corticostéroïde quotidien.</translation>
    </message>
    <message>
        <source>Bridging IV &amp;methylprednisolone pulses (choose weekly × 4 or daily × 3)</source>
        <translation>Bolus de &amp;méthylprednisolone IV de transition (choisir hebdomadaire × 4 ou quotidien × 3)</translation>
    </message>
    <message>
        <source> since %1</source>
        <translation> depuis le %1</translation>
    </message>
    <message>
        <source>corticosteroids%1: enter today&apos;s daily dose above</source>
        <translation>corticostéroïdes%1 : inscrire la dose quotidienne actuelle ci-dessus</translation>
    </message>
    <message>
        <source>methotrexate%1: continued below unless you untick it</source>
        <translation>méthotrexate%1 : poursuivi ci-dessous, sauf si vous décochez la case</translation>
    </message>
    <message>
        <source>%2%1: tick below if it continues</source>
        <translation>%2%1 : cocher ci-dessous si le traitement se poursuit</translation>
    </message>
    <message>
        <source>%2%1: not continued on this arm</source>
        <translation>%2%1 : non poursuivi dans ce bras</translation>
    </message>
    <message>
        <source>The screening recorded as current: %1.</source>
        <translation>L&apos;évaluation d&apos;admissibilité a consigné comme en cours : %1.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>Continue current %1</source>
        <translation>Poursuivre le traitement actuel par %1</translation>
    </message>
    <message>
        <source>%1 — not applicable (%2)</source>
        <translation>%1 — sans objet (%2)</translation>
    </message>
    <message>
        <source>Maximum per pulse for %1 kg: %2 mg (%3)</source>
        <translation>Maximum par bolus pour %1 kg : %2 mg (%3)</translation>
    </message>
    <message>
        <source>A higher pulse dose is refused.</source>
        <translation>Une dose par bolus plus élevée est refusée.</translation>
    </message>
    <message>
        <source>Choose the pulse schedule to see the maximum per pulse.</source>
        <translation>Choisir le calendrier des bolus pour voir le maximum par bolus.</translation>
    </message>
    <message>
        <source>This plan gives no pulse methylprednisolone limit.</source>
        <translation>Ce plan ne fixe aucune limite pour les bolus de méthylprednisolone.</translation>
    </message>
    <message>
        <source>Daily corticosteroid dose as read</source>
        <translation>Dose quotidienne de corticostéroïde telle que lue</translation>
    </message>
    <message>
        <source>Pulse dose as read</source>
        <translation>Dose par bolus telle que lue</translation>
    </message>
    <message>
        <source>mg/day</source>
        <translation>mg/jour</translation>
    </message>
    <message>
        <source>Pulse dose</source>
        <translation>Dose par bolus</translation>
    </message>
</context>
<context>
    <name>Continuing medicine</name>
    <message>
        <source>the plan&apos;s condition for continuing it is not met</source>
        <translation>la condition du plan pour le poursuivre n&apos;est pas remplie</translation>
    </message>
    <message>
        <source>the screening did not record it as current</source>
        <translation>l&apos;évaluation d&apos;admissibilité ne l&apos;a pas consigné comme en cours</translation>
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
        <translation>Consignés comme caractéristiques initiales&#x202f;; ils ne décident pas de l&apos;admissibilité. La réponse sur les IgIV décide si le bras A est offert.</translation>
    </message>
    <message>
        <source>Every exclusion must be No. Yes makes the patient not eligible; Unknown makes the patient not yet eligible.</source>
        <translation>Chaque critère d&apos;exclusion doit être « Non ». « Oui » rend le patient non admissible&#x202f;; « Inconnu » le rend pas encore admissible.</translation>
    </message>
    <message>
        <source>Recorded as baseline characteristics; they do not decide eligibility.</source>
        <translation>Consignés comme caractéristiques initiales&#x202f;; ils ne décident pas de l&apos;admissibilité.</translation>
    </message>
    <message>
        <source> Prior therapies are judged on the next pages from the recorded history.</source>
        <translation> Les traitements antérieurs sont évalués aux pages suivantes à partir de l&apos;historique consigné.</translation>
    </message>
    <message>
        <source> A detail that contradicts the plan (e.g. calcinosis more than mild) is shown in red and makes the patient not eligible.</source>
        <translation> Un détail qui contredit le plan (p. ex. calcinose plus que légère) est affiché en rouge et rend le patient non admissible.</translation>
    </message>
    <message>
        <source>Translation of the criteria not checked by a clinician; the plan&apos;s English text is authoritative (point at a criterion to read it).</source>
        <translation>Traduction des critères non vérifiée par un clinicien ; le texte anglais du plan fait foi (pointez un critère pour le lire).</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <source>%1: caution</source>
        <translation>%1 : mise en garde</translation>
    </message>
    <message>
        <source>Criterion provisional — verify against the published plan.</source>
        <translation>Critère provisoire — à vérifier par rapport au plan publié.</translation>
    </message>
    <message>
        <source>%1: provisional</source>
        <translation>%1 : provisoire</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source (texte anglais du plan) : %1</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1 :</translation>
    </message>
    <message>
        <source>Timing rule read as calendar months — provisional, verify against the published plan</source>
        <translation>Règle de délai lue en mois civils — provisoire, à vérifier par rapport au plan publié</translation>
    </message>
    <message>
        <source>Answer Yes, No or Unknown.</source>
        <translation>Répondez Oui, Non ou Inconnu.</translation>
    </message>
    <message>
        <source>✘ Contradiction &lt;i&gt;(provisional rule)&lt;/i&gt;: %1 The patient is not eligible on these answers.</source>
        <translation>✘ Contradiction &lt;i&gt;(règle provisoire)&lt;/i&gt; : %1 Le patient n&apos;est pas admissible selon ces réponses.</translation>
    </message>
    <message>
        <source>✘ Contradiction: %1 The patient is not eligible on these answers.</source>
        <translation>✘ Contradiction : %1 Le patient n&apos;est pas admissible selon ces réponses.</translation>
    </message>
    <message>
        <source>? Query &lt;i&gt;(provisional rule)&lt;/i&gt;: %1</source>
        <translation>? Question à vérifier &lt;i&gt;(règle provisoire)&lt;/i&gt; : %1</translation>
    </message>
    <message>
        <source>? Query: %1</source>
        <translation>? Question à vérifier : %1</translation>
    </message>
</context>
<context>
    <name>Database opening</name>
    <message>
        <source>The database %1 is encrypted. Give its database passphrase to open it. It has not been changed.</source>
        <translation>La base de données %1 est chiffrée. Donnez sa phrase de passe pour l&apos;ouvrir. Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The file %1 is not a jdm-ctp database (it is not a SQLite file). It has not been changed. Choose a different file.</source>
        <translation>Le fichier %1 n&apos;est pas une base de données de jdm-ctp (ce n&apos;est pas un fichier SQLite). Il n&apos;a pas été modifié. Choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>The database %1 is not encrypted, but a database passphrase was given. Open it without a passphrase (or encrypt it first with &apos;jdm-ctp db encrypt&apos;). It has not been changed.</source>
        <translation>La base de données %1 n&apos;est pas chiffrée, mais une phrase de passe a été donnée. Ouvrez-la sans phrase de passe (ou chiffrez-la d&apos;abord avec « jdm-ctp db encrypt »). Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The passphrase does not open the database %1: either the passphrase is wrong or the file is not a jdm-ctp database. It has not been changed.</source>
        <translation>La phrase de passe n&apos;ouvre pas la base de données %1 : soit la phrase de passe est erronée, soit le fichier n&apos;est pas une base de données de jdm-ctp. Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The file %1 looks like a SQLite database but cannot be read (%2). It may be damaged. It has not been changed; restore it from a backup.</source>
        <translation>Le fichier %1 semble être une base de données SQLite, mais il ne peut pas être lu (%2). Il est peut-être endommagé. Il n&apos;a pas été modifié&#x202f;; restaurez-le à partir d&apos;une sauvegarde.</translation>
    </message>
    <message>
        <source>The database %1 has several schema versions (%2), which this version of jdm-ctp does not understand. It has not been changed.</source>
        <translation>La base de données %1 a plusieurs versions de schéma (%2), ce que cette version de jdm-ctp ne comprend pas. Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The database %1 is open in this program. Close it first. Nothing has been changed.</source>
        <translation>La base de données %1 est ouverte dans ce programme. Fermez-la d&apos;abord. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The database %1 is being changed by another program or another copy of jdm-ctp. Close it there and try again. Nothing has been changed.</source>
        <translation>La base de données %1 est en cours de modification par un autre programme ou une autre copie de jdm-ctp. Fermez-la à cet endroit et réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>the upgraded copy was not closed cleanly (%1)</source>
        <translation>la copie mise à niveau n&apos;a pas été fermée correctement (%1)</translation>
    </message>
    <message>
        <source>%1 is open in another program or another copy of jdm-ctp; close it and try again</source>
        <translation>%1 est ouvert dans un autre programme ou une autre copie de jdm-ctp&#x202f;; fermez-le et réessayez</translation>
    </message>
    <message>
        <source>No database migrations were found in %1.</source>
        <translation>Aucun script de mise à niveau de la base de données n&apos;a été trouvé dans %1.</translation>
    </message>
    <message>
        <source>The database %1 contains tables but was not created by jdm-ctp (it has no schema version). It has not been changed.</source>
        <translation>La base de données %1 contient des tables, mais n&apos;a pas été créée par jdm-ctp (elle n&apos;a pas de version de schéma). Elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>The database %1 was created or upgraded by a newer version of jdm-ctp (schema %2; this version knows up to %3). It has not been changed. Install the newer version of jdm-ctp to open it.</source>
        <translation>La base de données %1 a été créée ou mise à niveau par une version plus récente de jdm-ctp (schéma %2&#x202f;; cette version connaît les schémas jusqu&apos;à %3). Elle n&apos;a pas été modifiée. Installez la version plus récente de jdm-ctp pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>the copy failed its integrity check: %1</source>
        <translation>la copie a échoué à sa vérification d&apos;intégrité : %1</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>Upgrading the database from schema %1 to %2 failed: %3. The upgrade ran in one transaction and was rolled back, so the database is as it was.</source>
        <translation>La mise à niveau de la base de données du schéma %1 au schéma %2 a échoué : %3. La mise à niveau s&apos;est faite en une seule transaction, qui a été annulée : la base de données est telle qu&apos;elle était.</translation>
    </message>
    <message>
        <source>Could not make a backup of %1 before upgrading it (%2), so the upgrade was not started. The database has not been changed.</source>
        <translation>Impossible de faire une sauvegarde de %1 avant sa mise à niveau (%2) : la mise à niveau n&apos;a donc pas commencé. La base de données n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>Upgrading the database %1 from schema %2 to %3 failed: %4. The database has not been changed. A backup taken before the attempt is at %5.</source>
        <translation>La mise à niveau de la base de données %1 du schéma %2 au schéma %3 a échoué : %4. La base de données n&apos;a pas été modifiée. Une sauvegarde faite avant la tentative se trouve à %5.</translation>
    </message>
    <message>
        <source>The upgraded database could not replace %1 (%2). The database has not been changed. A backup taken before the attempt is at %3.</source>
        <translation>La base de données mise à niveau n&apos;a pas pu remplacer %1 (%2). La base de données n&apos;a pas été modifiée. Une sauvegarde faite avant la tentative se trouve à %3.</translation>
    </message>
    <message>
        <source>Could not create a new database at %1: %2</source>
        <translation>Impossible de créer une nouvelle base de données à %1 : %2</translation>
    </message>
    <message>
        <source>foreign key check failed after upgrade: %1</source>
        <translation>la vérification des clés étrangères a échoué après la mise à niveau : %1</translation>
    </message>
    <message>
        <source>integrity check failed after upgrade: %1</source>
        <translation>la vérification d&apos;intégrité a échoué après la mise à niveau : %1</translation>
    </message>
</context>
<context>
    <name>DatabasePassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Base de données chiffrée</translation>
    </message>
    <message>
        <source>The database &lt;b&gt;%1&lt;/b&gt; is encrypted.&lt;br&gt;Type its database passphrase to open it. (This is the clinic&apos;s database passphrase, not your own sign-in password.)</source>
        <translation>La base de données &lt;b&gt;%1&lt;/b&gt; est chiffrée.&lt;br&gt;Tapez sa phrase de passe pour l&apos;ouvrir. (Il s&apos;agit de la phrase de passe de la base de données de la clinique, et non de votre propre mot de passe de connexion.)</translation>
    </message>
    <message>
        <source>Database passphrase</source>
        <translation>Phrase de passe de la base de données</translation>
    </message>
    <message>
        <source>Type the database passphrase, or Cancel to close.</source>
        <translation>Tapez la phrase de passe de la base de données, ou Annuler pour fermer.</translation>
    </message>
    <message>
        <source>The database passphrase was wrong %1 times. jdm-ctp will close; start it again to retry. The database has not been changed.</source>
        <translation>La phrase de passe de la base de données était erronée %1 fois. jdm-ctp va se fermer&#x202f;; démarrez-le de nouveau pour réessayer. La base de données n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>That passphrase does not open this database (attempt %1 of %2). Check Caps Lock and try again.</source>
        <translation>Cette phrase de passe n&apos;ouvre pas cette base de données (essai %1 sur %2). Vérifiez la touche Verr. Maj et réessayez.</translation>
    </message>
</context>
<context>
    <name>Date check</name>
    <message>
        <source>Enter the enrollment date (YYYY-MM-DD).</source>
        <translation>Saisir la date d&apos;inscription (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The enrollment date %1 is in the future.</source>
        <translation>La date d&apos;inscription %1 est dans le futur.</translation>
    </message>
    <message>
        <source>The enrollment date cannot be before the screening date %1.</source>
        <translation>La date d&apos;inscription ne peut précéder la date de l&apos;évaluation %1.</translation>
    </message>
    <message>
        <source>Enter the date of the switch (YYYY-MM-DD).</source>
        <translation>Saisir la date du changement (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The switch date %1 is in the future.</source>
        <translation>La date du changement %1 est dans le futur.</translation>
    </message>
    <message>
        <source>The switch date cannot be before the current arm started (%1).</source>
        <translation>La date du changement ne peut précéder le début du bras actuel (%1).</translation>
    </message>
    <message>
        <source>This weight was measured %1 days ago (on %2); weights older than %3 days should be re-measured before dosing.</source>
        <translation>Ce poids a été mesuré il y a %1 jours (le %2)&#x202f;; un poids de plus de %3 jours doit être mesuré de nouveau avant de calculer une dose.</translation>
    </message>
    <message>
        <source>The weight is dated %1, which is after today (%2). Check the date or re-measure before dosing.</source>
        <translation>Le poids est daté du %1, après aujourd&apos;hui (%2). Vérifier la date ou mesurer de nouveau avant de calculer une dose.</translation>
    </message>
    <message>
        <source>The date this weight was measured is not recorded. Re-measure before dosing.</source>
        <translation>La date de mesure de ce poids n&apos;est pas consignée. Mesurer de nouveau avant de calculer une dose.</translation>
    </message>
    <message>
        <source>Enter a new measurement.</source>
        <translation>Saisir une nouvelle mesure.</translation>
    </message>
</context>
<context>
    <name>Date limit</name>
    <message>
        <source>the enrollment date</source>
        <translation>la date d&apos;inscription</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>la date de naissance</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
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
        <translation>Tapez la date sous la forme %1. Les flèches Haut et Bas la changent d&apos;un jour&#x202f;; Alt+Bas ouvre un calendrier.</translation>
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
    <name>DetailInput</name>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
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
    <name>Dose derivation</name>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>%1: %2 %3, %4</source>
        <translation>%1 : %2 %3, %4</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1 : %2, %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1 : %2.</translation>
    </message>
    <message>
        <source>%1/%2/day</source>
        <translation>%1/%2/jour</translation>
    </message>
    <message>
        <source>%1/day</source>
        <translation>%1/jour</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>au moins %1</translation>
    </message>
    <message>
        <source>fixed %1 %2</source>
        <translation>fixe %1 %2</translation>
    </message>
    <message>
        <source>greater of (%1) = %2 %3</source>
        <translation>la plus élevée de (%1) = %2 %3</translation>
    </message>
    <message>
        <source>lesser of (%1) = %2 %3</source>
        <translation>la plus faible de (%1) = %2 %3</translation>
    </message>
    <message>
        <source>weight %1 kg is in the band %2: %3</source>
        <translation>le poids de %1 kg est dans la tranche %2 : %3</translation>
    </message>
    <message>
        <source>BSA %1 m² is in the band %2: %3</source>
        <translation>la SC de %1 m² est dans la tranche %2 : %3</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>below the protocol minimum of %1 %2, so %1 %2</source>
        <translation>sous le minimum du protocole de %1 %2, donc %1 %2</translation>
    </message>
    <message>
        <source>above the maximum of %1 %2, so the maximum %1 %2 applies</source>
        <translation>au-dessus du maximum de %1 %2, donc le maximum de %1 %2 s&apos;applique</translation>
    </message>
    <message>
        <source>equal to the maximum of %1 %2, not above it (the maximum did not change the dose)</source>
        <translation>égal au maximum de %1 %2, sans le dépasser (le maximum n&apos;a pas modifié la dose)</translation>
    </message>
    <message>
        <source>maximum %1 %2 not reached</source>
        <translation>maximum de %1 %2 non atteint</translation>
    </message>
    <message>
        <source>no maximum: %1</source>
        <translation>aucun maximum : %1</translation>
    </message>
    <message>
        <source>rounded to the nearest %1 %2: %3 %4 (%5 rounding)</source>
        <translation>arrondi au %1 %2 le plus proche : %3 %4 (arrondi %5)</translation>
    </message>
    <message>
        <source>rounded down to %1 %2: %3 %4 (%5 rounding)</source>
        <translation>arrondi à la baisse au %1 %2 : %3 %4 (arrondi %5)</translation>
    </message>
    <message>
        <source>rounded up to %1 %2: %3 %4 (%5 rounding)</source>
        <translation>arrondi à la hausse au %1 %2 : %3 %4 (arrondi %5)</translation>
    </message>
    <message>
        <source>rounding would have passed the maximum of %1 %2, so %3 %4</source>
        <translation>l&apos;arrondi aurait dépassé le maximum de %1 %2, donc %3 %4</translation>
    </message>
    <message>
        <source>top of the range: %1</source>
        <translation>haut de l&apos;intervalle : %1</translation>
    </message>
    <message>
        <source>above the maximum of %1 %2, so %1 %2</source>
        <translation>au-dessus du maximum de %1 %2, donc %1 %2</translation>
    </message>
    <message>
        <source>rounded down to %1 %2: %3 %4</source>
        <translation>arrondi à la baisse au %1 %2 : %3 %4</translation>
    </message>
    <message>
        <source>Dose: %1.</source>
        <translation>Dose : %1.</translation>
    </message>
    <message>
        <source>Maximum: %1.</source>
        <translation>Maximum : %1.</translation>
    </message>
    <message>
        <source>Dose: %1 (%2).</source>
        <translation>Dose : %1 (%2).</translation>
    </message>
    <message>
        <source>Maximum: %1 (%2).</source>
        <translation>Maximum : %1 (%2).</translation>
    </message>
    <message>
        <source>at least %1 %2</source>
        <translation>au moins %1 %2</translation>
    </message>
    <message>
        <source>%1 to %2 %3</source>
        <translation>%1 à %2 %3</translation>
    </message>
    <message>
        <source>This is the minimum; higher doses are at the provider&apos;s discretion.</source>
        <translation>Il s&apos;agit du minimum&#x202f;; une dose plus élevée est à la discrétion du médecin traitant.</translation>
    </message>
    <message>
        <source>This is a dose range: the computed dose is its lower end; a dose within the range needs a reason, a dose above its top is refused.</source>
        <translation>Il s&apos;agit d&apos;un intervalle de doses : la dose calculée en est la borne inférieure&#x202f;; une dose dans l&apos;intervalle exige un motif, une dose au-dessus de sa borne supérieure est refusée.</translation>
    </message>
    <message>
        <source>Inputs: %1.</source>
        <translation>Données : %1.</translation>
    </message>
    <message>
        <source>Inputs: %1; BSA %2 m² = √(%3 cm × %4 kg / 3600) (%5).</source>
        <translation>Données : %1&#x202f;; SC %2 m² = √(%3 cm × %4 kg / 3600) (%5).</translation>
    </message>
    <message>
        <source>%1 is labelled from age %2 years, and the child&apos;s age is not known: enter the date of birth and check before giving it %3.</source>
        <translation>%1 est homologué à partir de %2 ans, et l&apos;âge de l&apos;enfant est inconnu : inscrire la date de naissance et vérifier avant de l&apos;administrer %3.</translation>
    </message>
    <message>
        <source>%1 is labelled from age %2 years; this child is %3. Below the labelled age: check before giving it %4.</source>
        <translation>%1 est homologué à partir de %2 ans&#x202f;; cet enfant a %3. Sous l&apos;âge homologué : vérifier avant de l&apos;administrer %4.</translation>
    </message>
    <message>
        <source>Labelled age: %1</source>
        <translation>Âge homologué : %1</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>AVERTISSEMENT : %1</translation>
    </message>
    <message>
        <source>Labelled age: from %1 years; the child is %2, within the label %3.</source>
        <translation>Âge homologué : à partir de %1 ans&#x202f;; l&apos;enfant a %2, dans l&apos;indication homologuée %3.</translation>
    </message>
    <message>
        <source>(source: %1 [%2])</source>
        <translation>(source : %1 [%2])</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque : %1</translation>
    </message>
    <message>
        <source>Source: %1 [%2].</source>
        <translation>Source : %1 [%2].</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>article de référence</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publiée</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisoire</translation>
    </message>
    <message>
        <source>weight %1 kg</source>
        <translation>poids %1 kg</translation>
    </message>
    <message>
        <source>height %1 cm</source>
        <translation>taille %1 cm</translation>
    </message>
    <message>
        <source>%1 (measured %2)</source>
        <translation>%1 (mesurés le %2)</translation>
    </message>
    <message>
        <source>%1 (measurement date not recorded)</source>
        <translation>%1 (date de la mesure non consignée)</translation>
    </message>
    <message>
        <source>Mosteller: √(height cm × weight kg / 3600)</source>
        <translation>Mosteller : √(taille cm × poids kg / 3600)</translation>
    </message>
    <message>
        <source>BSA %1 m² (Mosteller: √(%2 cm × %3 kg / 3600) = %4 m²)</source>
        <translation>SC %1 m² (Mosteller : √(%2 cm × %3 kg / 3600) = %4 m²)</translation>
    </message>
    <message>
        <source>BSA: needs height</source>
        <translation>SC : il faut la taille</translation>
    </message>
    <message>
        <source>The final dose must be more than zero; %1 %2 was entered.</source>
        <translation>La dose finale doit être supérieure à zéro&#x202f;; %1 %2 a été saisi.</translation>
    </message>
    <message>
        <source>The final %1 dose cannot be above the protocol maximum of %2 %3; %4 %3 was entered.</source>
        <translation>%1 : la dose finale ne peut dépasser le maximum du protocole de %2 %3&#x202f;; %4 %3 a été saisi.</translation>
    </message>
    <message>
        <source>The final dose matches the computed dose.</source>
        <translation>La dose finale correspond à la dose calculée.</translation>
    </message>
    <message>
        <source>The final dose %1 %2 is below the protocol minimum of %3 %2. Give a reason for the difference.</source>
        <translation>La dose finale de %1 %2 est sous le minimum du protocole de %3 %2. Indiquer le motif de la différence.</translation>
    </message>
    <message>
        <source>The final dose %1 %2 differs from the computed %3 %2. Give a reason for the difference.</source>
        <translation>La dose finale de %1 %2 diffère de la dose calculée de %3 %2. Indiquer le motif de la différence.</translation>
    </message>
    <message>
        <source>The protocol gives no %1 dose for a weight of %2 kg (dose bands: %3).</source>
        <translation>Le protocole ne donne aucune dose pour ce poids : %1, %2 kg (tranches de dose : %3).</translation>
    </message>
    <message>
        <source>The protocol gives no %1 dose for a body surface area of %2 m² (dose bands: %3).</source>
        <translation>Le protocole ne donne aucune dose pour cette surface corporelle : %1, %2 m² (tranches de dose : %3).</translation>
    </message>
    <message>
        <source>%1 year old on %2 (from the date of birth)</source>
        <translation>%1 an le %2 (d&apos;après la date de naissance)</translation>
    </message>
    <message>
        <source>%1 years old on %2 (from the date of birth)</source>
        <translation>%1 ans le %2 (d&apos;après la date de naissance)</translation>
    </message>
    <message>
        <source>The %1 dose cannot be negative; %2 was entered.</source>
        <translation>La dose de %1 ne peut pas être négative&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>The %1 dose cannot be above this protocol&apos;s maximum of %2 %3 for %4 kg; %5 %3 was entered.</source>
        <translation>La dose de %1 ne peut pas dépasser le maximum de ce protocole, soit %2 %3 pour %4 kg&#x202f;; %5 %3 a été saisi.</translation>
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
        <translation>(dose finale&#x202f;; calculée %1)</translation>
    </message>
    <message>
        <source>Computed: %1 (raw %2; %3).</source>
        <translation>Calculée : %1 (brute %2&#x202f;; %3).</translation>
    </message>
    <message>
        <source>Final dose differs from computed — reason: %1</source>
        <translation>La dose finale diffère de la dose calculée — motif : %1</translation>
    </message>
    <message>
        <source>Dose RANGE for this patient: %1 to %2 (the computed dose shown is the lower end). Type the final dose chosen within the range, with a reason; above %2 is refused.</source>
        <translation>PLAGE de dose pour ce patient : %1 à %2 (la dose calculée affichée est le bas de la plage). Saisissez la dose finale choisie dans la plage, avec un motif&#x202f;; au-dessus de %2, elle est refusée.</translation>
    </message>
    <message>
        <source>Dose dates (%1): %2</source>
        <translation>Dates des doses (%1) : %2</translation>
    </message>
    <message>
        <source>, … (same schedule)</source>
        <translation>, … (même calendrier)</translation>
    </message>
    <message>
        <source>%1 final dose as read</source>
        <translation>%1 dose finale telle que lue</translation>
    </message>
    <message>
        <source>Final dose</source>
        <translation>Dose finale</translation>
    </message>
</context>
<context>
    <name>DosesPage</name>
    <message>
        <source>Doses</source>
        <translation>Doses</translation>
    </message>
    <message>
        <source>First dose date</source>
        <translation>Date de la première dose</translation>
    </message>
    <message>
        <source>%1, for %2. Check each dose and how it was worked out.</source>
        <translation>%1, pour %2. Vérifier chaque dose et la façon dont elle a été calculée.</translation>
    </message>
    <message>
        <source>First &amp;dose date:</source>
        <translation>Date de la première &amp;dose :</translation>
    </message>
    <message>
        <source>Infusion dates</source>
        <translation>Dates des perfusions</translation>
    </message>
    <message>
        <source>Reminder: %1 The visit forms will ask for blood pressure and creatinine on this arm.</source>
        <translation>Rappel : %1 Les formulaires de visite demanderont la tension artérielle et la créatinine dans ce bras.</translation>
    </message>
    <message>
        <source>Monitoring reminder</source>
        <translation>Rappel de surveillance</translation>
    </message>
    <message>
        <source>Infusion dates (%1): %2, then monthly.</source>
        <translation>Dates des perfusions (%1) : %2, puis chaque mois.</translation>
    </message>
</context>
<context>
    <name>Drug</name>
    <message>
        <source>IVIG</source>
        <translation>IgIV</translation>
    </message>
    <message>
        <source>methotrexate</source>
        <translation>méthotrexate</translation>
    </message>
    <message>
        <source>hydroxychloroquine</source>
        <translation>hydroxychloroquine</translation>
    </message>
    <message>
        <source>prednisone</source>
        <translation>prednisone</translation>
    </message>
    <message>
        <source>methylprednisolone</source>
        <translation>méthylprednisolone</translation>
    </message>
    <message>
        <source>cyclosporine</source>
        <translation>cyclosporine</translation>
    </message>
    <message>
        <source>mycophenolate mofetil</source>
        <translation>mycophénolate mofétil</translation>
    </message>
    <message>
        <source>rituximab</source>
        <translation>rituximab</translation>
    </message>
    <message>
        <source>adalimumab</source>
        <translation>adalimumab</translation>
    </message>
    <message>
        <source>abatacept</source>
        <translation>abatacept</translation>
    </message>
    <message>
        <source>tocilizumab</source>
        <translation>tocilizumab</translation>
    </message>
    <message>
        <source>infliximab</source>
        <translation>infliximab</translation>
    </message>
    <message>
        <source>anakinra</source>
        <translation>anakinra</translation>
    </message>
    <message>
        <source>azathioprine</source>
        <translation>azathioprine</translation>
    </message>
    <message>
        <source>canakinumab</source>
        <translation>canakinumab</translation>
    </message>
    <message>
        <source>certolizumab pegol</source>
        <translation>certolizumab pégol</translation>
    </message>
    <message>
        <source>cyclophosphamide</source>
        <translation>cyclophosphamide</translation>
    </message>
    <message>
        <source>etanercept</source>
        <translation>étanercept</translation>
    </message>
    <message>
        <source>golimumab</source>
        <translation>golimumab</translation>
    </message>
    <message>
        <source>mycophenolic acid</source>
        <translation>acide mycophénolique</translation>
    </message>
    <message>
        <source>prednisolone</source>
        <translation>prednisolone</translation>
    </message>
    <message>
        <source>tacrolimus</source>
        <translation>tacrolimus</translation>
    </message>
</context>
<context>
    <name>DueVisitsDialog</name>
    <message>
        <source>Visits due this week and overdue</source>
        <translation>Visites à faire cette semaine et en retard</translation>
    </message>
    <message>
        <source>Due visits</source>
        <translation>Visites à faire</translation>
    </message>
    <message>
        <source>&amp;Open visit</source>
        <translation>&amp;Ouvrir la visite</translation>
    </message>
    <message>
        <source>Open the selected visit (Enter on the list does the same).</source>
        <translation>Ouvrir la visite choisie (Entrée dans la liste fait de même).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Loading the visits due…</source>
        <translation>Chargement des visites à faire…</translation>
    </message>
    <message>
        <source>%1 overdue, %2 due by %3.</source>
        <translation>%1 en retard, %2 à faire d&apos;ici le %3.</translation>
    </message>
</context>
<context>
    <name>Encryption check</name>
    <message>
        <source>Changing the encryption of %1 failed: %2. The database has not been changed.</source>
        <translation>La modification du chiffrement de %1 a échoué (détail technique : %2). La base de données n&apos;a pas été modifiée.</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Only a database file on this computer can be encrypted here; a server database is protected by the server.</source>
        <translation>Seul un fichier de base de données sur cet ordinateur peut être chiffré ici&#x202f;; une base de données sur serveur est protégée par le serveur.</translation>
    </message>
    <message>
        <source>That is not the current database passphrase.</source>
        <translation>Ce n&apos;est pas la phrase de passe actuelle de la base de données.</translation>
    </message>
    <message>
        <source>The encryption could not be changed (technical detail: %1).</source>
        <translation>Le chiffrement n&apos;a pas pu être modifié (détail technique : %1).</translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation>Chiffrement de la base de données</translation>
    </message>
    <message>
        <source>The database &lt;b&gt;%1&lt;/b&gt; is &lt;b&gt;encrypted&lt;/b&gt; (SQLCipher).</source>
        <translation>La base de données &lt;b&gt;%1&lt;/b&gt; est &lt;b&gt;chiffrée&lt;/b&gt; (SQLCipher).</translation>
    </message>
    <message>
        <source>The database &lt;b&gt;%1&lt;/b&gt; is &lt;b&gt;not encrypted&lt;/b&gt;.</source>
        <translation>La base de données &lt;b&gt;%1&lt;/b&gt; n&apos;est &lt;b&gt;pas chiffrée&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Every computer that opens it will need the passphrase. A lost passphrase cannot be recovered: keep it where the clinic keeps its other secrets.</source>
        <translation>Chaque ordinateur qui l&apos;ouvre aura besoin de la phrase de passe. Une phrase de passe perdue ne peut pas être récupérée : conservez-la là où la clinique garde ses autres secrets.</translation>
    </message>
    <message>
        <source>&amp;Encrypt the database with a passphrase</source>
        <translation>&amp;Chiffrer la base de données avec une phrase de passe</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase</source>
        <translation>C&amp;hanger la phrase de passe</translation>
    </message>
    <message>
        <source>&amp;Stop encrypting (store the file unencrypted)</source>
        <translation>Ne plus chiffrer (enregistrer le fichier &amp;sans chiffrement)</translation>
    </message>
    <message>
        <source>Current database passphrase</source>
        <translation>Phrase de passe actuelle de la base de données</translation>
    </message>
    <message>
        <source>New passphrase (10 characters or more)</source>
        <translation>Nouvelle phrase de passe (10 caractères ou plus)</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Répéter la nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase</source>
        <translation>Phrase de passe act&amp;uelle</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>&amp;Repeat new passphrase</source>
        <translation>&amp;Répéter la nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>Other copies of jdm-ctp using this database must be closed first. The change writes a new copy of the file, checks it and then swaps it in; if anything fails, the database stays as it was.</source>
        <translation>Les autres copies de jdm-ctp qui utilisent cette base de données doivent d&apos;abord être fermées. Le changement écrit une nouvelle copie du fichier, la vérifie, puis la met en place&#x202f;; en cas d&apos;échec, la base de données reste telle qu&apos;elle était.</translation>
    </message>
    <message>
        <source>Changing the database encryption… This can take a minute on a large database.</source>
        <translation>Modification du chiffrement de la base de données… Cela peut prendre une minute sur une grande base de données.</translation>
    </message>
</context>
<context>
    <name>Enrollment check</name>
    <message>
        <source>Choose an arm.</source>
        <translation>Choisir un bras.</translation>
    </message>
    <message>
        <source>Choose the option for arm %1: %2.</source>
        <translation>Choisir l&apos;option du bras %1 : %2.</translation>
    </message>
    <message>
        <source>Not allowed on the enrollment date %1 by the prior-therapy rules: %2</source>
        <translation>Non permis à la date d&apos;inscription, le %1, par les règles sur les traitements antérieurs : %2</translation>
    </message>
    <message>
        <source>Not allowed on the enrollment date %1 (boundary date %2) by the prior-therapy rules: %3</source>
        <translation>Non permis à la date d&apos;inscription, le %1 (date limite : %2), par les règles sur les traitements antérieurs : %3</translation>
    </message>
    <message>
        <source>Some prior-therapy rules cannot be checked: %1 Give the treating team&apos;s reason for going ahead.</source>
        <translation>Certaines règles sur les traitements antérieurs ne peuvent être vérifiées : %1 Indiquer le motif de l&apos;équipe traitante pour poursuivre.</translation>
    </message>
    <message>
        <source>Arm %1 is not available: %2</source>
        <translation>Le bras %1 n&apos;est pas offert : %2</translation>
    </message>
    <message>
        <source>Arm %1 is not available: %2 Tick the exception in arm %1&apos;s box above if it applies.</source>
        <translation>Le bras %1 n&apos;est pas offert : %2 Cocher l&apos;exception dans l&apos;encadré du bras %1 ci-dessus si elle s&apos;applique.</translation>
    </message>
    <message>
        <source>Give the reason for using this exception.</source>
        <translation>Indiquer le motif du recours à cette exception.</translation>
    </message>
    <message>
        <source>Enter the first dose date (YYYY-MM-DD).</source>
        <translation>Saisir la date de la première dose (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The first dose cannot be before the enrollment date.</source>
        <translation>La première dose ne peut précéder la date d&apos;inscription.</translation>
    </message>
    <message>
        <source>This plan gives no pulse methylprednisolone limit.</source>
        <translation>Ce plan ne donne aucune limite pour les bolus de méthylprednisolone.</translation>
    </message>
    <message>
        <source>Choose the pulse schedule: %1.</source>
        <translation>Choisir le schéma des bolus : %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>The pulse dose must be more than zero.</source>
        <translation>La dose du bolus doit être supérieure à zéro.</translation>
    </message>
    <message>
        <source>This plan gives no daily corticosteroid limit; record the dose at the visit.</source>
        <translation>Ce plan ne donne aucune limite pour le corticostéroïde quotidien&#x202f;; consigner la dose à la visite.</translation>
    </message>
    <message>
        <source>The plan does not allow a switch from arm %1.</source>
        <translation>Le plan ne permet pas de changer de bras à partir du bras %1.</translation>
    </message>
    <message>
        <source>Choose the arm to switch to: %1.</source>
        <translation>Choisir le nouveau bras : %1.</translation>
    </message>
    <message>
        <source>Choose the reason for the switch.</source>
        <translation>Choisir le motif du changement.</translation>
    </message>
    <message>
        <source>Unknown reason code: %1.</source>
        <translation>Code de motif inconnu : %1.</translation>
    </message>
    <message>
        <source>A reason is listed twice.</source>
        <translation>Un motif figure deux fois.</translation>
    </message>
    <message>
        <source>Say what the other reason is.</source>
        <translation>Préciser l&apos;autre motif.</translation>
    </message>
    <message>
        <source>Text was typed for another reason but &quot;Other&quot; is not ticked.</source>
        <translation>Un texte a été saisi pour un autre motif, mais « Autre » n&apos;est pas coché.</translation>
    </message>
    <message>
        <source>%1 is still being given. It must be stopped and the last dose be at least %2 before the enrollment date.</source>
        <translation>%1 est toujours administré. Il doit être arrêté, et la dernière dose doit précéder la date d&apos;inscription d&apos;au moins %2.</translation>
    </message>
    <message>
        <source>%1: last dose %2; the washout (%3) is complete on %4, after the enrollment date %5.%6</source>
        <translation>%1 : dernière dose le %2&#x202f;; la période d&apos;élimination (%3) se termine le %4, après la date d&apos;inscription, le %5.%6</translation>
    </message>
    <message>
        <source>%1: last dose %2 is less than %3 before the enrollment date %4; the washout is complete on %5.</source>
        <translation>%1 : la dernière dose, le %2, précède de moins de %3 la date d&apos;inscription, le %4&#x202f;; la période d&apos;élimination se termine le %5.</translation>
    </message>
    <message>
        <source>%1: last dose %2, at least %3 before the enrollment date %4 (complete from %5)</source>
        <translation>%1 : dernière dose le %2, au moins %3 avant la date d&apos;inscription, le %4 (terminée à partir du %5)</translation>
    </message>
    <message>
        <source>%1: last dose %2, at least %3 before the enrollment date %4 (complete from %5).%6</source>
        <translation>%1 : dernière dose le %2, au moins %3 avant la date d&apos;inscription, le %4 (terminée à partir du %5).%6</translation>
    </message>
    <message>
        <source>%1 started %2: enrolment is possible up to %3 (%4 after starting); the enrollment date %5 is within it.</source>
        <translation>%1 commencé le %2 : l&apos;inscription est possible jusqu&apos;au %3 (%4 après le début)&#x202f;; la date d&apos;inscription, le %5, est dans ce délai.</translation>
    </message>
    <message>
        <source>%1 started %2, more than %3 before the enrollment date %4 (the limit was %5).</source>
        <translation>%1 commencé le %2, plus de %3 avant la date d&apos;inscription, le %4 (la limite était le %5).</translation>
    </message>
    <message>
        <source>%1: starts after the enrollment date %2; not used for this screening.</source>
        <translation>%1 : commence après la date d&apos;inscription, le %2&#x202f;; non pris en compte pour cette évaluation.</translation>
    </message>
</context>
<context>
    <name>EnrollmentWizard</name>
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
    <message>
        <source>Keep as draft</source>
        <translation>Garder comme brouillon</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Continue enrollment</source>
        <translation>Poursuivre l&apos;inscription</translation>
    </message>
    <message>
        <source>the screening date</source>
        <translation>la date de l&apos;évaluation</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>la date de naissance</translation>
    </message>
    <message>
        <source>Not enrolled: %1</source>
        <translation>Non inscrit : %1</translation>
    </message>
    <message>
        <source>Cancel enrollment</source>
        <translation>Annuler l&apos;inscription</translation>
    </message>
    <message>
        <source>The patient is not enrolled yet. Keep what you entered as a draft, or discard it?</source>
        <translation>Le patient n&apos;est pas encore inscrit. Garder ce que vous avez saisi comme brouillon, ou l&apos;abandonner&#x202f;?</translation>
    </message>
</context>
<context>
    <name>EnzymesSection</name>
    <message>
        <source>Muscle enzymes</source>
        <translation>Enzymes musculaires</translation>
    </message>
    <message>
        <source>Collection date</source>
        <translation>Date du prélèvement</translation>
    </message>
    <message>
        <source>Collected on</source>
        <translation>Prélevé le</translation>
    </message>
    <message>
        <source>Lab ULN defaults…</source>
        <translation>LSN du laboratoire par défaut…</translation>
    </message>
    <message>
        <source>Enzyme</source>
        <translation>Enzyme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>ULN</source>
        <translation>LSN</translation>
    </message>
    <message>
        <source>ULN unit</source>
        <translation>Unité LSN</translation>
    </message>
    <message>
        <source>× ULN</source>
        <translation>× LSN</translation>
    </message>
    <message>
        <source>If missing</source>
        <translation>Si manquant</translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation>%1, résultat</translation>
    </message>
    <message>
        <source>%1 ULN</source>
        <translation>%1, LSN</translation>
    </message>
    <message>
        <source>× ULN = result ÷ upper limit of normal, both in U/L (1 µkat/L = 60 U/L). A blank ULN uses the site default shown in grey.</source>
        <translation>× LSN = résultat ÷ limite supérieure de la normale, les deux en U/L (1 µkat/L = 60 U/L). Une LSN vide prend la valeur par défaut du site affichée en gris.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 × ULN&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 × LSN&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Followed enzyme (most abnormal at baseline): %1 This visit: %2</source>
        <translation>Enzyme suivie (la plus anormale à la visite initiale) : %1 Cette visite : %2</translation>
    </message>
    <message>
        <source>No baseline enzyme result to follow.</source>
        <translation>Aucun résultat d&apos;enzyme de la visite initiale à suivre.</translation>
    </message>
    <message>
        <source>No enzyme results entered.</source>
        <translation>Aucun résultat d&apos;enzyme saisi.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Error message</name>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation>Une erreur inattendue s&apos;est produite : %1</translation>
    </message>
    <message>
        <source>What you entered stays in the open window; forms that autosave also keep a draft. The details are in the log file (%1); please send it to your IT contact.</source>
        <translation>Ce que vous avez saisi reste dans la fenêtre ouverte&#x202f;; les formulaires à enregistrement automatique gardent aussi un brouillon. Les détails sont dans le fichier journal (%1)&#x202f;; veuillez le transmettre à votre personne-ressource en informatique.</translation>
    </message>
    <message>
        <source>The window stays open with what you entered. The details are in the log file (%1).</source>
        <translation>La fenêtre reste ouverte avec ce que vous avez saisi. Les détails sont dans le fichier journal (%1).</translation>
    </message>
</context>
<context>
    <name>ErrorBox</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
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

Exporter les données identifiées&#x202f;?</translation>
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
        <translation>Dépersonnalisée (sans noms, NDM ni dates de naissance&#x202f;; dates en jours)</translation>
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
        <translation>Exportation identifiée non confirmée&#x202f;; rien n&apos;a été exporté.</translation>
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
            <numerusform>%n patient exporté dans %1&#x202f;; voir manifest.json pour les sommes de contrôle.</numerusform>
            <numerusform>%n patients exportés dans %1&#x202f;; voir manifest.json pour les sommes de contrôle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no files were kept.</source>
        <translation>Exportation annulée&#x202f;; aucun fichier n&apos;a été conservé.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L&apos;exportation a échoué : %1</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Problem with %1</source>
        <translation>Problème&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>File health</name>
    <message>
        <source>press Save again</source>
        <translation>appuyez de nouveau sur Enregistrer</translation>
    </message>
    <message>
        <source>%1 (and %2 more)</source>
        <translation>%1 (et %2 autres)</translation>
    </message>
    <message>
        <source>no database at %1: there is no such file (check the path; &apos;jdm-ctp db upgrade --db PATH&apos; creates a new database)</source>
        <translation>aucune base de données à %1 : ce fichier n&apos;existe pas (vérifiez le chemin ; « jdm-ctp db upgrade --db CHEMIN » crée une nouvelle base de données)</translation>
    </message>
    <message>
        <source>no database at %1: part of the path is a file, not a folder</source>
        <translation>aucune base de données à %1 : une partie du chemin est un fichier, pas un dossier</translation>
    </message>
    <message>
        <source>no database at %1: %2</source>
        <translation>aucune base de données à %1 : %2</translation>
    </message>
    <message>
        <source>no database at %1: %2; nothing was created there</source>
        <translation>aucune base de données à %1 : %2 ; rien n&apos;y a été créé</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>c&apos;est un dossier</translation>
    </message>
    <message>
        <source>it is a named pipe</source>
        <translation>c&apos;est un tube nommé</translation>
    </message>
    <message>
        <source>it is a socket</source>
        <translation>c&apos;est un connecteur (socket)</translation>
    </message>
    <message>
        <source>it is a device</source>
        <translation>c&apos;est un périphérique</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>no database at %1: the file is empty</source>
        <translation>aucune base de données à %1 : le fichier est vide</translation>
    </message>
    <message>
        <source>no database at %1: the file holds no jdm-ctp data (it has no schema version)</source>
        <translation>aucune base de données à %1 : le fichier ne contient aucune donnée de jdm-ctp (il n&apos;a pas de version de schéma)</translation>
    </message>
    <message>
        <source>The database %1 could not be checked: %2. Nothing was written to it.</source>
        <translation>La base de données %1 n&apos;a pas pu être vérifiée : %2. Rien n&apos;y a été écrit.</translation>
    </message>
    <message>
        <source>There is no automatic backup of it in the backups folder: ask your IT contact to restore the newest backup you have.</source>
        <translation>Il n&apos;y en a aucune sauvegarde automatique dans le dossier des sauvegardes : demandez à votre personne-ressource en informatique de restaurer la sauvegarde la plus récente dont vous disposez.</translation>
    </message>
    <message>
        <source>Restore the newest automatic backup: jdm-ctp restore --db %1 %2 (the damaged file is kept beside it).</source>
        <translation>Restaurez la sauvegarde automatique la plus récente : jdm-ctp restore --db %1 %2 (le fichier endommagé est conservé à côté).</translation>
    </message>
    <message>
        <source>Restore the newest backup (see the README).</source>
        <translation>Restaurez la sauvegarde la plus récente (voir le fichier README).</translation>
    </message>
    <message>
        <source>The database %1 is damaged (SQLite&apos;s check found: %2). jdm-ctp writes nothing to it. %3</source>
        <translation>La base de données %1 est endommagée (la vérification de SQLite a trouvé : %2). jdm-ctp n&apos;y écrit plus rien. %3</translation>
    </message>
    <message>
        <source>The database file is damaged: jdm-ctp writes nothing to it. %1</source>
        <translation>Le fichier de la base de données est endommagé : jdm-ctp n&apos;y écrit plus rien. %1</translation>
    </message>
    <message>
        <source>The database %1 is read-only here (SQLite could only open it for reading), so nothing can be saved or exported with an audit entry. Nothing was written. Copy it to a folder you may write to, or ask your IT contact for write permission.</source>
        <translation>La base de données %1 est en lecture seule ici (SQLite n&apos;a pu l&apos;ouvrir qu&apos;en lecture) : rien ne peut donc être enregistré ni exporté avec une entrée d&apos;audit. Rien n&apos;a été écrit. Copiez-la dans un dossier où vous pouvez écrire, ou demandez l&apos;autorisation d&apos;écriture à votre personne-ressource en informatique.</translation>
    </message>
    <message>
        <source>The database %1 is read-only here (its file %2 may not be written), so nothing can be saved or exported with an audit entry. Nothing was written. Copy it to a folder you may write to, or ask your IT contact for write permission.</source>
        <translation>La base de données %1 est en lecture seule ici (son fichier %2 ne peut pas être modifié) : rien ne peut donc être enregistré ni exporté avec une entrée d&apos;audit. Rien n&apos;a été écrit. Copiez-la dans un dossier où vous pouvez écrire, ou demandez l&apos;autorisation d&apos;écriture à votre personne-ressource en informatique.</translation>
    </message>
    <message>
        <source>The database %1 is read-only here (its folder %2 may not be written), so nothing can be saved or exported with an audit entry. Nothing was written. Copy it to a folder you may write to, or ask your IT contact for write permission.</source>
        <translation>La base de données %1 est en lecture seule ici (son dossier %2 ne peut pas être modifié) : rien ne peut donc être enregistré ni exporté avec une entrée d&apos;audit. Rien n&apos;a été écrit. Copiez-la dans un dossier où vous pouvez écrire, ou demandez l&apos;autorisation d&apos;écriture à votre personne-ressource en informatique.</translation>
    </message>
    <message>
        <source>The database %1 cannot be written to now (%2). Nothing was written; try again.</source>
        <translation>La base de données %1 ne peut pas être modifiée pour le moment (%2). Rien n&apos;a été écrit ; réessayez.</translation>
    </message>
    <message>
        <source>The database %1 only allows reading (a read-only server or session). Nothing was written.</source>
        <translation>La base de données %1 ne permet que la lecture (serveur ou session en lecture seule). Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>The disk is full: free space, then %1; nothing was saved.</source>
        <translation>Le disque est plein : libérez de l&apos;espace, puis %1 ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The database is read-only here: nothing was saved. Ask your IT contact for write permission, then %1.</source>
        <translation>La base de données est en lecture seule ici : rien n&apos;a été enregistré. Demandez l&apos;autorisation d&apos;écriture à votre personne-ressource en informatique, puis %1.</translation>
    </message>
    <message>
        <source>The disk holding the database failed a read or write (disk I/O error; a full disk or a removed drive does this): nothing was saved. Free space or reconnect the drive, then %1.</source>
        <translation>Le disque qui contient la base de données n&apos;a pas pu lire ou écrire (erreur d&apos;entrée-sortie ; un disque plein ou un lecteur retiré en est la cause) : rien n&apos;a été enregistré. Libérez de l&apos;espace ou reconnectez le lecteur, puis %1.</translation>
    </message>
    <message>
        <source>No copy was written elsewhere: the database is encrypted and a copy outside it would not be.</source>
        <translation>Aucune copie n&apos;a été écrite ailleurs : la base de données est chiffrée et une copie hors de celle-ci ne le serait pas.</translation>
    </message>
    <message>
        <source>No copy could be kept elsewhere: your data folder (%1) is on the same full disk. Keep this window open.</source>
        <translation>Aucune copie n&apos;a pu être gardée ailleurs : votre dossier de données (%1) est sur le même disque plein. Gardez cette fenêtre ouverte.</translation>
    </message>
    <message>
        <source>No copy could be kept elsewhere (%1). Keep this window open.</source>
        <translation>Aucune copie n&apos;a pu être gardée ailleurs (%1). Gardez cette fenêtre ouverte.</translation>
    </message>
    <message>
        <source>No copy could be kept elsewhere either (%1). Keep this window open.</source>
        <translation>Aucune copie n&apos;a pu être gardée ailleurs non plus (%1). Gardez cette fenêtre ouverte.</translation>
    </message>
    <message>
        <source>A copy of what you entered is kept in %1; it comes back when this form is opened again.</source>
        <translation>Une copie de ce que vous avez saisi est gardée dans %1 ; elle revient à la prochaine ouverture de ce formulaire.</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
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
    <name>GlobalsSection</name>
    <message>
        <source>Global assessments (10 cm VAS, 0.1 cm steps)</source>
        <translation>Évaluations globales (EVA de 10 cm, pas de 0,1 cm)</translation>
    </message>
    <message>
        <source>★ primary outcome of the persistent-skin-rash plan (seed 000, Table 3).</source>
        <translation>★ critère principal du plan de l&apos;éruption cutanée persistante (source 000, tableau 3).</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 assessment(s) entered</source>
        <translation>
            <numerusform>%n évaluation saisie sur %1</numerusform>
            <numerusform>%n évaluations saisies sur %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) to correct</source>
        <translation>
            <numerusform>%n entrée à corriger</numerusform>
            <numerusform>%n entrées à corriger</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
</context>
<context>
    <name>Growth</name>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>BMI</source>
        <translation>IMC</translation>
    </message>
    <message>
        <source>a boy</source>
        <translation>un garçon</translation>
    </message>
    <message>
        <source>a girl</source>
        <translation>une fille</translation>
    </message>
    <message>
        <source>a child</source>
        <translation>un enfant</translation>
    </message>
    <message>
        <source>%1 y %2 m</source>
        <translation>%1 a %2 m</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>%1 %2 is far above what is usual for %3 of %4 (median %5; about %6 SD above it, CDC 2000). Check the value and its unit.</source>
        <translation>%1 %2 : bien au-dessus de l’habituel pour %3 de %4 (médiane %5&#x202f;; environ %6 É.-T. au-dessus, CDC 2000). Vérifiez la valeur et son unité.</translation>
    </message>
    <message>
        <source>%1 %2 is far below what is usual for %3 of %4 (median %5; about %6 SD below it, CDC 2000). Check the value and its unit.</source>
        <translation>%1 %2 : bien au-dessous de l’habituel pour %3 de %4 (médiane %5&#x202f;; environ %6 É.-T. au-dessous, CDC 2000). Vérifiez la valeur et son unité.</translation>
    </message>
    <message>
        <source>%1 %2: within 3 SD for %3 of %4 (median %5, CDC 2000).</source>
        <translation>%1 %2 : à moins de 3 É.-T. pour %3 de %4 (médiane %5, CDC 2000).</translation>
    </message>
    <message>
        <source>Did you mean %1 metres? That is %2 cm: type %2 in cm.</source>
        <translation>Vouliez-vous dire %1 mètre(s)&#x202f;? Cela fait %2 cm : tapez %2 en cm.</translation>
    </message>
    <message>
        <source>Did you mean %1 %2?</source>
        <translation>Vouliez-vous dire %1 %2&#x202f;?</translation>
    </message>
    <message>
        <source>Did you mean %1 %2 (%3 %4)?</source>
        <translation>Vouliez-vous dire %1 %2 (%3 %4)&#x202f;?</translation>
    </message>
    <message>
        <source>That too would be far from what is usual for this age.</source>
        <translation>Ce serait aussi loin de l’habituel à cet âge.</translation>
    </message>
</context>
<context>
    <name>Import check</name>
    <message>
        <source>is not a folder</source>
        <translation>n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>manifest.json is missing</source>
        <translation>manifest.json est absent</translation>
    </message>
    <message>
        <source>manifest.json is not a file</source>
        <translation>manifest.json n&apos;est pas un fichier</translation>
    </message>
    <message>
        <source>manifest.json is larger than %1 bytes; this application writes a few hundred</source>
        <translation>manifest.json dépasse %1 octets ; cette application en écrit quelques centaines</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON non valide : %1</translation>
    </message>
    <message>
        <source>must be a JSON object, not %1</source>
        <translation>doit être un objet JSON, et non %1</translation>
    </message>
    <message>
        <source>only the redcap format can be imported</source>
        <translation>seul le format redcap peut être importé</translation>
    </message>
    <message>
        <source>is a %1 export; a pooled database takes de-identified exports only (it never holds identities)</source>
        <translation>est une exportation %1 ; une base de données regroupée n&apos;accepte que des exportations dépersonnalisées (elle ne contient jamais d&apos;identités)</translation>
    </message>
    <message>
        <source>only an identified export can be imported (a de-identified one has no dates or names to restore)</source>
        <translation>seule une exportation identifiée peut être importée (une exportation dépersonnalisée n&apos;a ni dates ni noms à restaurer)</translation>
    </message>
    <message>
        <source>must be a list of the export&apos;s files, not %1</source>
        <translation>doit être une liste des fichiers de l&apos;exportation, et non %1</translation>
    </message>
    <message>
        <source>lists %1 files; an export has a few</source>
        <translation>énumère %1 fichiers ; une exportation en compte quelques-uns</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>doit être un objet, et non %1</translation>
    </message>
    <message>
        <source>has no file name</source>
        <translation>n&apos;a pas de nom de fichier</translation>
    </message>
    <message>
        <source>%1 is not a plain file name (no folders or paths)</source>
        <translation>%1 n&apos;est pas un simple nom de fichier (ni dossier ni chemin)</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 figure deux fois</translation>
    </message>
    <message>
        <source>%1 has no SHA-256 (64 hexadecimal digits)</source>
        <translation>%1 n&apos;a pas de SHA-256 (64 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>does not list %1: every file of the export must be listed with its SHA-256</source>
        <translation>n&apos;énumère pas %1 : chaque fichier de l&apos;exportation doit y figurer avec son SHA-256</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ni %2</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>un objet JSON</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>une chaîne</translation>
    </message>
    <message>
        <source>a true/false</source>
        <translation>un booléen (vrai/faux)</translation>
    </message>
    <message>
        <source>a null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>une valeur</translation>
    </message>
    <message>
        <source>this folder is not listed in manifest.json (an export holds only the files its manifest lists)</source>
        <translation>ce dossier ne figure pas dans manifest.json (une exportation ne contient que les fichiers que son manifeste énumère)</translation>
    </message>
    <message>
        <source>this file is not listed in manifest.json (an export holds only the files its manifest lists)</source>
        <translation>ce fichier ne figure pas dans manifest.json (une exportation ne contient que les fichiers que son manifeste énumère)</translation>
    </message>
    <message>
        <source>listed in manifest.json but missing</source>
        <translation>figure dans manifest.json mais est absent</translation>
    </message>
    <message>
        <source>listed in manifest.json but not a regular file</source>
        <translation>figure dans manifest.json mais n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>larger than %1 MiB; not read</source>
        <translation>plus de %1 Mio ; non lu</translation>
    </message>
    <message>
        <source>the file was changed after export (SHA-256 differs from manifest.json)</source>
        <translation>le fichier a été modifié après l&apos;exportation (son SHA-256 diffère de celui de manifest.json)</translation>
    </message>
    <message>
        <source>a line longer than %1 MiB; not read further</source>
        <translation>une ligne de plus de %1 Mio ; lecture arrêtée</translation>
    </message>
    <message>
        <source>bad encoding: byte 0x%1 is not UTF-8 (save the file as UTF-8)</source>
        <translation>mauvais encodage : l&apos;octet 0x%1 n&apos;est pas de l&apos;UTF-8 (enregistrez le fichier en UTF-8)</translation>
    </message>
    <message>
        <source>file is missing</source>
        <translation>le fichier est absent</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>a cell of %1 characters; the longest any field may hold is %2</source>
        <translation>une cellule de %1 caractères ; un champ en contient au plus %2</translation>
    </message>
    <message>
        <source>a cell longer than %1 characters; the longest any field may hold is %2</source>
        <translation>une cellule de plus de %1 caractères ; un champ en contient au plus %2</translation>
    </message>
    <message>
        <source>has %1 cells; the header has %2</source>
        <translation>a %1 cellules ; l&apos;en-tête en a %2</translation>
    </message>
    <message>
        <source>not a readable CSV file here (%1)</source>
        <translation>fichier CSV illisible à cet endroit (%1)</translation>
    </message>
    <message>
        <source>the value in this cell (not shown: it may identify the patient)</source>
        <translation>la valeur de cette cellule (non reproduite&#xa0;: elle pourrait identifier le patient)</translation>
    </message>
    <message>
        <source>%1 must be 0 or 1</source>
        <translation>%1 doit valoir 0 ou 1</translation>
    </message>
    <message>
        <source>%1 is not one of %2</source>
        <translation>%1 ne fait pas partie de %2</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD)</source>
        <translation>%1 n&apos;est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>%1 is not a date and time (YYYY-MM-DD HH:MM:SS)</source>
        <translation>%1 n&apos;est pas une date et une heure (AAAA-MM-JJ puis l&apos;heure sur 24 h, par exemple 2026-05-04 14:30:00)</translation>
    </message>
    <message>
        <source>%1 is not a SHA-256 (64 lower-case hexadecimal digits)</source>
        <translation>%1 n&apos;est pas un SHA-256 (64 chiffres hexadécimaux en minuscules)</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation>n&apos;est pas du JSON valide</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>doit être un objet JSON</translation>
    </message>
    <message>
        <source>must be a JSON list</source>
        <translation>doit être une liste JSON</translation>
    </message>
    <message>
        <source>%1 characters; this field holds at most %2</source>
        <translation>%1 caractères ; ce champ en contient au plus %2</translation>
    </message>
    <message>
        <source>holds a control character (U+%1)</source>
        <translation>contient un caractère de contrôle (U+%1)</translation>
    </message>
    <message>
        <source>%1 is not a study id: letters, digits, &apos;-&apos; and &apos;_&apos;, up to 32 characters, starting with a letter or digit</source>
        <translation>%1 n&apos;est pas un identifiant d&apos;étude : lettres, chiffres, « - » et « _ », jusqu&apos;à 32 caractères, commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>%1… is not a number</source>
        <translation>%1… n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 n&apos;est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 n&apos;est pas un nombre entier</translation>
    </message>
    <message>
        <source>%1 has more than one decimal</source>
        <translation>%1 a plus d&apos;une décimale</translation>
    </message>
    <message>
        <source>value %1 is out of range: below the minimum %2</source>
        <translation>la valeur %1 est hors limites : sous le minimum %2</translation>
    </message>
    <message>
        <source>value %1 is out of range: above the maximum %2</source>
        <translation>la valeur %1 est hors limites : au-dessus du maximum %2</translation>
    </message>
    <message>
        <source>%1 must be a number from 1</source>
        <translation>%1 doit être un nombre à partir de 1</translation>
    </message>
    <message>
        <source>wrong header: expected the 18 REDCap dictionary columns</source>
        <translation>mauvais en-tête : les 18 colonnes du dictionnaire REDCap sont attendues</translation>
    </message>
    <message>
        <source>data dictionary version %1 is not one this application reads (%2)</source>
        <translation>la version %1 du dictionnaire de données n&apos;est pas une de celles que lit cette application (%2)</translation>
    </message>
    <message>
        <source>does not match this application&apos;s data dictionary (expected field %1)</source>
        <translation>ne correspond pas au dictionnaire de données de cette application (champ attendu : %1)</translation>
    </message>
    <message>
        <source>the dictionary has a different number of fields</source>
        <translation>le dictionnaire n&apos;a pas le même nombre de champs</translation>
    </message>
    <message>
        <source>wrong header: the columns are not the ones this application exports (same names, same order)</source>
        <translation>mauvais en-tête : les colonnes ne sont pas celles qu&apos;exporte cette application (mêmes noms, même ordre)</translation>
    </message>
    <message>
        <source>duplicate of row %1 (same record, event and instance)</source>
        <translation>double de la ligne %1 (même dossier, même événement et même instance)</translation>
    </message>
    <message>
        <source>the study id is empty</source>
        <translation>l&apos;identifiant d&apos;étude est vide</translation>
    </message>
    <message>
        <source>unknown event %1</source>
        <translation>événement inconnu %1</translation>
    </message>
    <message>
        <source>%1 does not repeat at %2</source>
        <translation>%1 ne se répète pas à %2</translation>
    </message>
    <message>
        <source>belongs to form %1, which is not recorded at this row (%2)</source>
        <translation>appartient au formulaire %1, qui n&apos;est pas consigné à cette ligne (%2)</translation>
    </message>
    <message>
        <source>%1 must be 0, 1 or 2</source>
        <translation>%1 doit valoir 0, 1 ou 2</translation>
    </message>
    <message>
        <source>%1 is not SITE-studyid (a site code of capitals and digits, a hyphen, the study id)</source>
        <translation>%1 n&apos;est pas de la forme SITE-identifiant (un code de site en majuscules et chiffres, un trait d&apos;union, l&apos;identifiant d&apos;étude)</translation>
    </message>
    <message>
        <source>the data access group %1 is not the record&apos;s site code %2 in lower case</source>
        <translation>le groupe d&apos;accès aux données %1 n&apos;est pas le code de site %2 du dossier en minuscules</translation>
    </message>
    <message>
        <source>records of several sites (%1) in one export</source>
        <translation>des dossiers de plusieurs sites (%1) dans une seule exportation</translation>
    </message>
    <message>
        <source>%1: sex is required</source>
        <translation>%1 : le sexe est obligatoire</translation>
    </message>
    <message>
        <source>%1: prior therapy %2 names no drug</source>
        <translation>%1 : le traitement antérieur %2 ne nomme aucun médicament</translation>
    </message>
    <message>
        <source>infusion %1 of %2 names arm history instance %3; the file has %4</source>
        <translation>la perfusion %1 de %2 renvoie à l&apos;occurrence %3 de l&apos;historique des bras ; le fichier en a %4</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>infusion %1 of %2 has no date given</source>
        <translation>la perfusion %1 de %2 n&apos;a pas de date d&apos;administration</translation>
    </message>
    <message>
        <source>infusion %1 of %2 has no dose above zero</source>
        <translation>la perfusion %1 de %2 n&apos;a pas de dose supérieure à zéro</translation>
    </message>
    <message>
        <source>adverse event of %1 names a visit not in the file (%2 %3)</source>
        <translation>un événement indésirable de %1 renvoie à une visite absente du fichier (%2 %3)</translation>
    </message>
    <message>
        <source>record %1 is incomplete or inconsistent (%2)</source>
        <translation>le dossier %1 est incomplet ou incohérent (détail technique : %2)</translation>
    </message>
    <message>
        <source>conflict: patient %1 was added to the database while this import was running; nothing was imported</source>
        <translation>conflit : le patient %1 a été ajouté à la base de données pendant cette importation ; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>conflict: patient %1 was added to the database by %2 while this import was running; nothing was imported</source>
        <translation>conflit : le patient %1 a été ajouté à la base de données par %2 pendant cette importation ; rien n&apos;a été importé</translation>
    </message>
    <message>
        <source>conflict: patient %1 is already in the database with %2 here, the file has %3; nothing was overwritten</source>
        <translation>conflit : le patient %1 est déjà dans la base de données avec %2 à cet endroit, le fichier a %3 ; rien n&apos;a été écrasé</translation>
    </message>
    <message>
        <source>conflict: patient %1 is already in the database with another value in this column (not shown: it may identify the patient); nothing was overwritten</source>
        <translation>conflit : le patient %1 est déjà dans la base de données avec une autre valeur dans cette colonne (non reproduite&#xa0;: elle pourrait identifier le patient)&#x202f;; rien n&apos;a été écrasé</translation>
    </message>
    <message>
        <source>conflict: patient %1 is already in the database with %2 rows, the file has %3; nothing was overwritten</source>
        <translation>conflit : le patient %1 est déjà dans la base de données avec %2 lignes, le fichier en a %3 ; rien n&apos;a été écrasé</translation>
    </message>
</context>
<context>
    <name>ImportResult</name>
    <message numerus="yes">
        <source>Imported %Ln new patient(s);</source>
        <translation>
            <numerusform>%Ln nouveau patient importé ;</numerusform>
            <numerusform>%Ln nouveaux patients importés ;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already present with identical data.</source>
        <translation>
            <numerusform>%Ln était déjà présent avec des données identiques.</numerusform>
            <numerusform>%Ln étaient déjà présents avec des données identiques.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation>%1, colonne %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>conflict: patient %1 is already in the database with %2, the file has %3; nothing was overwritten</source>
        <translation>conflit : le patient %1 est déjà dans la base de données avec %2, le fichier en a %3 ; rien n&apos;a été écrasé</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was rejected; nothing was changed: %1</source>
        <translation>L&apos;importation a été refusée ; rien n&apos;a été modifié : %1</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more problem(s))</source>
        <translation>
            <numerusform>(et %n autre problème)</numerusform>
            <numerusform>(et %n autres problèmes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Instrument finding</name>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message>
        <source>nothing recorded.</source>
        <translation>rien de consigné.</translation>
    </message>
    <message>
        <source>Sun protection: %1.</source>
        <translation>Protection solaire : %1.</translation>
    </message>
    <message>
        <source>Sun protection: nothing recorded.</source>
        <translation>Protection solaire : rien de consigné.</translation>
    </message>
    <message>
        <source>Vital signs: %1</source>
        <translation>Signes vitaux : %1</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>poids %1</translation>
    </message>
    <message>
        <source>height %1</source>
        <translation>taille %1</translation>
    </message>
    <message>
        <source>BP %1/%2</source>
        <translation>PA %1/%2</translation>
    </message>
    <message>
        <source>creatinine %1</source>
        <translation>créatinine %1</translation>
    </message>
    <message>
        <source>Medications recorded: %1</source>
        <translation>Médicaments consignés : %1</translation>
    </message>
    <message>
        <source>other: %1</source>
        <translation>autre : %1</translation>
    </message>
    <message>
        <source>MRI: %1</source>
        <translation>IRM : %1</translation>
    </message>
    <message>
        <source>MRI: %1 on %2</source>
        <translation>IRM : %1 le %2</translation>
    </message>
    <message>
        <source>MRI: %1, active myositis %2</source>
        <translation>IRM : %1, myosite active : %2</translation>
    </message>
    <message>
        <source>MRI: %1 on %2, active myositis %3</source>
        <translation>IRM : %1 le %2, myosite active : %3</translation>
    </message>
    <message>
        <source>Autoantibodies: %1</source>
        <translation>Autoanticorps : %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Instrument item</name>
    <message>
        <source>0 of 6 sit-up variants done</source>
        <translation>0 des 6 variantes de redressement assis réussie</translation>
    </message>
    <message>
        <source>0: no contraction felt</source>
        <translation>0 : aucune contraction perçue</translation>
    </message>
    <message>
        <source>1 of 6 sit-up variants done</source>
        <translation>1 des 6 variantes de redressement assis réussie</translation>
    </message>
    <message>
        <source>1-9 seconds</source>
        <translation>1 à 9 secondes</translation>
    </message>
    <message>
        <source>10-29 seconds</source>
        <translation>10 à 29 secondes</translation>
    </message>
    <message>
        <source>2 minutes (120 seconds) or more</source>
        <translation>2 minutes (120 secondes) ou plus</translation>
    </message>
    <message>
        <source>2 of 6 sit-up variants done</source>
        <translation>2 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>3 of 6 sit-up variants done</source>
        <translation>3 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>30-59 seconds</source>
        <translation>30 à 59 secondes</translation>
    </message>
    <message>
        <source>4 of 6 sit-up variants done</source>
        <translation>4 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>5 of 6 sit-up variants done</source>
        <translation>5 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>6 of 6 sit-up variants done</source>
        <translation>6 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>60 seconds or more</source>
        <translation>60 secondes ou plus</translation>
    </message>
    <message>
        <source>60-119 seconds</source>
        <translation>60 à 119 secondes</translation>
    </message>
    <message>
        <source>ALT (alanine aminotransferase)</source>
        <translation>ALT (alanine aminotransférase)</translation>
    </message>
    <message>
        <source>AST (aspartate aminotransferase)</source>
        <translation>AST (aspartate aminotransférase)</translation>
    </message>
    <message>
        <source>Able: no table support and no hands on knee/thigh</source>
        <translation>Capable : sans appui sur la table ni mains sur genou/cuisse</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Aldolase</source>
        <translation>Aldolase</translation>
    </message>
    <message>
        <source>Alopecia</source>
        <translation>Alopécie</translation>
    </message>
    <message>
        <source>Always or nearly always</source>
        <translation>Toujours ou presque toujours</translation>
    </message>
    <message>
        <source>Anti-HMGCR</source>
        <translation>Anti-HMGCR</translation>
    </message>
    <message>
        <source>Anti-Jo-1</source>
        <translation>Anti-Jo-1</translation>
    </message>
    <message>
        <source>Anti-Ku</source>
        <translation>Anti-Ku</translation>
    </message>
    <message>
        <source>Anti-MDA5</source>
        <translation>Anti-MDA5</translation>
    </message>
    <message>
        <source>Anti-Mi-2</source>
        <translation>Anti-Mi-2</translation>
    </message>
    <message>
        <source>Anti-NXP2</source>
        <translation>Anti-NXP2</translation>
    </message>
    <message>
        <source>Anti-PM-Scl</source>
        <translation>Anti-PM-Scl</translation>
    </message>
    <message>
        <source>Anti-Ro52</source>
        <translation>Anti-Ro52</translation>
    </message>
    <message>
        <source>Anti-SAE</source>
        <translation>Anti-SAE</translation>
    </message>
    <message>
        <source>Anti-SRP</source>
        <translation>Anti-SRP</translation>
    </message>
    <message>
        <source>Anti-TIF1-γ</source>
        <translation>Anti-TIF1-γ</translation>
    </message>
    <message>
        <source>Anti-U1-RNP</source>
        <translation>Anti-U1-RNP</translation>
    </message>
    <message>
        <source>Arising</source>
        <translation>Se lever</translation>
    </message>
    <message>
        <source>Barely able to assume and hold all-fours</source>
        <translation>Prend et tient à peine la position à quatre pattes</translation>
    </message>
    <message>
        <source>Bathtub bar</source>
        <translation>Barre d&apos;appui de baignoire</translation>
    </message>
    <message>
        <source>Bathtub seat</source>
        <translation>Siège de baignoire</translation>
    </message>
    <message>
        <source>Bend down to pick up clothing or a piece of paper from the floor?</source>
        <translation>Se pencher pour ramasser un vêtement ou une feuille de papier par terre&#x202f;?</translation>
    </message>
    <message>
        <source>Blood pressure, diastolic</source>
        <translation>Pression artérielle diastolique</translation>
    </message>
    <message>
        <source>Blood pressure, systolic</source>
        <translation>Pression artérielle systolique</translation>
    </message>
    <message>
        <source>Bone: fracture, osteoporosis or avascular necrosis</source>
        <translation>Os : fracture, ostéoporose ou nécrose avasculaire</translation>
    </message>
    <message>
        <source>Brush teeth?</source>
        <translation>Se brosser les dents&#x202f;?</translation>
    </message>
    <message>
        <source>Built-up pencil or special utensils</source>
        <translation>Crayon grossi ou ustensiles adaptés</translation>
    </message>
    <message>
        <source>CHAQ disability index</source>
        <translation>Indice d&apos;incapacité du CHAQ</translation>
    </message>
    <message>
        <source>CHAQ item activities 1 (Run errands and shop?)</source>
        <translation>CHAQ, activités 1 (Faire des courses et des achats&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item activities 2 (Get in and out of a car or toy car or school bus?)</source>
        <translation>CHAQ, activités 2 (Monter dans une auto, une auto-jouet ou un autobus scolaire et en descendre&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item activities 3 (Ride bike or tricycle?)</source>
        <translation>CHAQ, activités 3 (Faire du vélo ou du tricycle&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item activities 4 (Do household chores (e.g. wash dishes, take out trash, vacuum, do yardwork, make bed, clean room)?)</source>
        <translation>CHAQ, activités 4 (Faire des tâches ménagères (p. ex. laver la vaisselle, sortir les poubelles, passer l&apos;aspirateur, travailler dans la cour, faire son lit, ranger sa chambre)&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item activities 5 (Run and play?)</source>
        <translation>CHAQ, activités 5 (Courir et jouer&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item arising 1 (Stand up from a low chair or floor?)</source>
        <translation>CHAQ, se lever 1 (Se lever d&apos;une chaise basse ou du plancher&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item arising 2 (Get in and out of bed or crib?)</source>
        <translation>CHAQ, se lever 2 (Se mettre au lit ou dans son lit de bébé et en sortir&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item dressing 1 (Dress, including tying shoelaces and doing buttons?)</source>
        <translation>CHAQ, habillage 1 (S&apos;habiller, y compris nouer ses lacets et boutonner&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item dressing 2 (Shampoo his/her hair?)</source>
        <translation>CHAQ, habillage 2 (Se laver les cheveux&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item dressing 3 (Remove socks?)</source>
        <translation>CHAQ, habillage 3 (Enlever ses chaussettes&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item dressing 4 (Cut fingernails?)</source>
        <translation>CHAQ, habillage 4 (Se couper les ongles des doigts&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item eating 1 (Cut his/her own meat?)</source>
        <translation>CHAQ, alimentation 1 (Couper sa viande&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item eating 2 (Lift up a cup or glass to mouth?)</source>
        <translation>CHAQ, alimentation 2 (Porter une tasse ou un verre à sa bouche&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item eating 3 (Open a new cereal box?)</source>
        <translation>CHAQ, alimentation 3 (Ouvrir une boîte de céréales neuve&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item grip 1 (Write or scribble with pen or pencil?)</source>
        <translation>CHAQ, préhension 1 (Écrire ou gribouiller avec un stylo ou un crayon&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item grip 2 (Open car doors?)</source>
        <translation>CHAQ, préhension 2 (Ouvrir les portières d&apos;une auto&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item grip 3 (Open jars which have been previously opened?)</source>
        <translation>CHAQ, préhension 3 (Ouvrir des pots déjà ouverts&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item grip 4 (Turn faucets on and off?)</source>
        <translation>CHAQ, préhension 4 (Ouvrir et fermer les robinets&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item grip 5 (Push open a door when he/she has to turn a door knob?)</source>
        <translation>CHAQ, préhension 5 (Pousser une porte en tournant la poignée&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item hygiene 1 (Wash and dry entire body?)</source>
        <translation>CHAQ, hygiène 1 (Se laver et s&apos;essuyer tout le corps&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item hygiene 2 (Take a tub bath (get in and out of tub)?)</source>
        <translation>CHAQ, hygiène 2 (Prendre un bain (entrer dans la baignoire et en sortir)&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item hygiene 3 (Get on and off the toilet or potty chair?)</source>
        <translation>CHAQ, hygiène 3 (S&apos;asseoir sur la toilette ou le petit pot et se relever&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item hygiene 4 (Brush teeth?)</source>
        <translation>CHAQ, hygiène 4 (Se brosser les dents&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item hygiene 5 (Comb/brush hair?)</source>
        <translation>CHAQ, hygiène 5 (Se peigner ou se brosser les cheveux&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item reach 1 (Reach and get down a heavy object such as a large game or books from just above his/her head?)</source>
        <translation>CHAQ, atteindre 1 (Atteindre et descendre un objet lourd, comme un gros jeu ou des livres, placé juste au-dessus de sa tête&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item reach 2 (Bend down to pick up clothing or a piece of paper from the floor?)</source>
        <translation>CHAQ, atteindre 2 (Se pencher pour ramasser un vêtement ou une feuille de papier par terre&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item reach 3 (Pull on a sweater over his/her head?)</source>
        <translation>CHAQ, atteindre 3 (Enfiler un chandail par-dessus sa tête&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item reach 4 (Turn neck to look back over shoulder?)</source>
        <translation>CHAQ, atteindre 4 (Tourner le cou pour regarder par-dessus son épaule&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item walking 1 (Walk outdoors on flat ground?)</source>
        <translation>CHAQ, marche 1 (Marcher dehors sur un terrain plat&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ item walking 2 (Climb up five steps?)</source>
        <translation>CHAQ, marche 2 (Monter cinq marches&#x202f;?)</translation>
    </message>
    <message>
        <source>CHAQ: overall well-being (VAS)</source>
        <translation>CHAQ : bien-être général (EVA)</translation>
    </message>
    <message>
        <source>CHAQ: pain in the past week (VAS)</source>
        <translation>CHAQ : douleur au cours de la dernière semaine (EVA)</translation>
    </message>
    <message>
        <source>CK (creatine kinase)</source>
        <translation>CK (créatine kinase)</translation>
    </message>
    <message>
        <source>CMAS (0-52)</source>
        <translation>CMAS (0-52)</translation>
    </message>
    <message>
        <source>CMAS item 1 (head elevation)</source>
        <translation>CMAS, item 1 (élévation de la tête)</translation>
    </message>
    <message>
        <source>CMAS item 1 (head elevation, seconds held)</source>
        <translation>CMAS, item 1 (élévation de la tête, secondes tenues)</translation>
    </message>
    <message>
        <source>CMAS item 10 (all-fours manoeuvre)</source>
        <translation>CMAS, item 10 (position à quatre pattes)</translation>
    </message>
    <message>
        <source>CMAS item 11 (floor rise)</source>
        <translation>CMAS, item 11 (se relever du sol)</translation>
    </message>
    <message>
        <source>CMAS item 12 (chair rise)</source>
        <translation>CMAS, item 12 (se lever d&apos;une chaise)</translation>
    </message>
    <message>
        <source>CMAS item 13 (stool step)</source>
        <translation>CMAS, item 13 (monter sur un tabouret)</translation>
    </message>
    <message>
        <source>CMAS item 14 (pick-up)</source>
        <translation>CMAS, item 14 (ramasser un objet)</translation>
    </message>
    <message>
        <source>CMAS item 2 (leg raise / touch object)</source>
        <translation>CMAS, item 2 (lever la jambe / toucher l&apos;objet)</translation>
    </message>
    <message>
        <source>CMAS item 3 (straight leg lift duration)</source>
        <translation>CMAS, item 3 (durée de la jambe tendue levée)</translation>
    </message>
    <message>
        <source>CMAS item 3 (straight leg lift duration, seconds held)</source>
        <translation>CMAS, item 3 (durée de la jambe tendue levée, secondes tenues)</translation>
    </message>
    <message>
        <source>CMAS item 4 (supine to prone)</source>
        <translation>CMAS, item 4 (du dos au ventre)</translation>
    </message>
    <message>
        <source>CMAS item 5 (sit-ups)</source>
        <translation>CMAS, item 5 (redressements assis)</translation>
    </message>
    <message>
        <source>CMAS item 5a (sit-up: hands on thighs, with counterbalance)</source>
        <translation>CMAS, item 5a (redressement assis : mains sur les cuisses, avec contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 5b (sit-up: hands across chest, with counterbalance)</source>
        <translation>CMAS, item 5b (redressement assis : bras croisés sur la poitrine, avec contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 5c (sit-up: hands behind head, with counterbalance)</source>
        <translation>CMAS, item 5c (redressement assis : mains derrière la tête, avec contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 5d (sit-up: hands on thighs, without counterbalance)</source>
        <translation>CMAS, item 5d (redressement assis : mains sur les cuisses, sans contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 5e (sit-up: hands across chest, without counterbalance)</source>
        <translation>CMAS, item 5e (redressement assis : bras croisés sur la poitrine, sans contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 5f (sit-up: hands behind head, without counterbalance)</source>
        <translation>CMAS, item 5f (redressement assis : mains derrière la tête, sans contrepoids)</translation>
    </message>
    <message>
        <source>CMAS item 6 (supine to sit)</source>
        <translation>CMAS, item 6 (du dos à la position assise)</translation>
    </message>
    <message>
        <source>CMAS item 7 (arm raise / straighten)</source>
        <translation>CMAS, item 7 (lever / tendre les bras)</translation>
    </message>
    <message>
        <source>CMAS item 8 (arm raise duration)</source>
        <translation>CMAS, item 8 (durée des bras levés)</translation>
    </message>
    <message>
        <source>CMAS item 8 (arm raise duration, seconds held)</source>
        <translation>CMAS, item 8 (durée des bras levés, secondes tenues)</translation>
    </message>
    <message>
        <source>CMAS item 9 (floor sit)</source>
        <translation>CMAS, item 9 (s&apos;asseoir au sol)</translation>
    </message>
    <message>
        <source>Calcinosis</source>
        <translation>Calcinose</translation>
    </message>
    <message>
        <source>Cane</source>
        <translation>Canne</translation>
    </message>
    <message>
        <source>Cannot raise wrists</source>
        <translation>Ne peut pas lever les poignets</translation>
    </message>
    <message>
        <source>Cataract</source>
        <translation>Cataracte</translation>
    </message>
    <message>
        <source>Clears the table but cannot touch the object</source>
        <translation>Décolle de la table mais ne peut pas toucher l&apos;objet</translation>
    </message>
    <message>
        <source>Climb up five steps?</source>
        <translation>Monter cinq marches&#x202f;?</translation>
    </message>
    <message>
        <source>Comb/brush hair?</source>
        <translation>Se peigner ou se brosser les cheveux&#x202f;?</translation>
    </message>
    <message>
        <source>Crutches</source>
        <translation>Béquilles</translation>
    </message>
    <message>
        <source>Cushingoid features</source>
        <translation>Signes cushingoïdes</translation>
    </message>
    <message>
        <source>Cut fingernails?</source>
        <translation>Se couper les ongles des doigts&#x202f;?</translation>
    </message>
    <message>
        <source>Cut his/her own meat?</source>
        <translation>Couper sa viande&#x202f;?</translation>
    </message>
    <message>
        <source>Cutaneous ulceration</source>
        <translation>Ulcération cutanée</translation>
    </message>
    <message>
        <source>Daily hydroxychloroquine; 0 if none.</source>
        <translation>Hydroxychloroquine quotidienne&#x202f;; 0 si aucune.</translation>
    </message>
    <message>
        <source>Death (grade 5)</source>
        <translation>Décès (grade 5)</translation>
    </message>
    <message>
        <source>Definite</source>
        <translation>Certaine</translation>
    </message>
    <message>
        <source>Devices used for dressing (button hook, zipper pull, long-handled shoe horn, etc.)</source>
        <translation>Aides pour l&apos;habillage (tire-bouton, tire-fermeture éclair, chausse-pied à long manche, etc.)</translation>
    </message>
    <message>
        <source>Do household chores (e.g. wash dishes, take out trash, vacuum, do yardwork, make bed, clean room)?</source>
        <translation>Faire des tâches ménagères (p. ex. laver la vaisselle, sortir les poubelles, passer l&apos;aspirateur, travailler dans la cour, faire son lit, ranger sa chambre)&#x202f;?</translation>
    </message>
    <message>
        <source>Dress, including tying shoelaces and doing buttons?</source>
        <translation>S&apos;habiller, y compris nouer ses lacets et boutonner&#x202f;?</translation>
    </message>
    <message>
        <source>Dressing &amp; grooming</source>
        <translation>Habillage &amp; soins personnels</translation>
    </message>
    <message>
        <source>Eating</source>
        <translation>Alimentation</translation>
    </message>
    <message>
        <source>Erythematous rash with secondary changes</source>
        <translation>Éruption érythémateuse avec changements secondaires</translation>
    </message>
    <message>
        <source>Erythematous rash without secondary changes</source>
        <translation>Éruption érythémateuse sans changements secondaires</translation>
    </message>
    <message>
        <source>Erythroderma</source>
        <translation>Érythrodermie</translation>
    </message>
    <message>
        <source>Extramuscular activity</source>
        <translation>Activité extramusculaire</translation>
    </message>
    <message>
        <source>Extremely active or severe</source>
        <translation>Extrêmement active ou sévère</translation>
    </message>
    <message>
        <source>Fair (F): holds the test position against gravity, no added pressure</source>
        <translation>Passable (F) : tient la position d&apos;épreuve contre la gravité, sans pression ajoutée</translation>
    </message>
    <message>
        <source>Fair+ (F+): holds the test position against slight pressure</source>
        <translation>Passable+ (F+) : tient la position d&apos;épreuve contre une légère pression</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Fatal</translation>
    </message>
    <message>
        <source>Get in and out of a car or toy car or school bus?</source>
        <translation>Monter dans une auto, une auto-jouet ou un autobus scolaire et en descendre&#x202f;?</translation>
    </message>
    <message>
        <source>Get in and out of bed or crib?</source>
        <translation>Se mettre au lit ou dans son lit de bébé et en sortir&#x202f;?</translation>
    </message>
    <message>
        <source>Get on and off the toilet or potty chair?</source>
        <translation>S&apos;asseoir sur la toilette ou le petit pot et se relever&#x202f;?</translation>
    </message>
    <message>
        <source>Good (G): holds against moderate pressure</source>
        <translation>Bon (G) : résiste à une pression modérée</translation>
    </message>
    <message>
        <source>Good+ (G+): holds against moderate to strong pressure</source>
        <translation>Bon+ (G+) : résiste à une pression modérée à forte</translation>
    </message>
    <message>
        <source>Good- (G-): holds against slight to moderate pressure</source>
        <translation>Bon- (G-) : résiste à une pression légère à modérée</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules or Gottron&apos;s sign</source>
        <translation>Papules de Gottron ou signe de Gottron</translation>
    </message>
    <message>
        <source>Grip</source>
        <translation>Préhension</translation>
    </message>
    <message>
        <source>Growth impairment</source>
        <translation>Retard de croissance</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Heliotrope rash</source>
        <translation>Éruption héliotrope</translation>
    </message>
    <message>
        <source>Holds all-fours with back straight and head up, cannot crawl forward</source>
        <translation>Tient à quatre pattes, dos droit et tête levée, sans pouvoir avancer</translation>
    </message>
    <message>
        <source>Holds all-fours, looks straight ahead and crawls forward</source>
        <translation>Tient à quatre pattes, regarde droit devant et avance</translation>
    </message>
    <message>
        <source>How many pulses were given since the last visit (at baseline: since enrollment); 0 if none.</source>
        <translation>Nombre de bolus donnés depuis la dernière visite (à la visite initiale : depuis l&apos;inscription)&#x202f;; 0 si aucun.</translation>
    </message>
    <message>
        <source>Hydroxychloroquine dose</source>
        <translation>Dose d&apos;hydroxychloroquine</translation>
    </message>
    <message>
        <source>Hygiene</source>
        <translation>Hygiène</translation>
    </message>
    <message>
        <source>Hyperglycaemia</source>
        <translation>Hyperglycémie</translation>
    </message>
    <message>
        <source>Hypertension</source>
        <translation>Hypertension</translation>
    </message>
    <message>
        <source>IV methylprednisolone dose per pulse</source>
        <translation>Dose de méthylprednisolone IV par bolus</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulses since the last visit</source>
        <translation>Bolus de méthylprednisolone IV depuis la dernière visite</translation>
    </message>
    <message>
        <source>Improving</source>
        <translation>En amélioration</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Infection, not serious</source>
        <translation>Infection non grave</translation>
    </message>
    <message>
        <source>Infection, serious</source>
        <translation>Infection grave</translation>
    </message>
    <message>
        <source>Infusion reaction</source>
        <translation>Réaction à la perfusion</translation>
    </message>
    <message>
        <source>Is your child able to ... (over the past week)</source>
        <translation>Votre enfant est-il capable de… (au cours de la dernière semaine)</translation>
    </message>
    <message>
        <source>Jar opener (for jars previously opened)</source>
        <translation>Ouvre-pot (pour les pots déjà ouverts)</translation>
    </message>
    <message>
        <source>Keeps balance while lifting and extending a leg</source>
        <translation>Garde l&apos;équilibre en levant et en tendant une jambe</translation>
    </message>
    <message>
        <source>Kendall 0-10</source>
        <translation>Kendall 0-10</translation>
    </message>
    <message>
        <source>LDH (lactate dehydrogenase)</source>
        <translation>LDH (lactate déshydrogénase)</translation>
    </message>
    <message>
        <source>Life-threatening (grade 4)</source>
        <translation>Menace le pronostic vital (grade 4)</translation>
    </message>
    <message>
        <source>Lift up a cup or glass to mouth?</source>
        <translation>Porter une tasse ou un verre à sa bouche&#x202f;?</translation>
    </message>
    <message>
        <source>Lifts the leg high enough to touch the object</source>
        <translation>Lève la jambe assez haut pour toucher l&apos;objet</translation>
    </message>
    <message>
        <source>Lipoatrophy</source>
        <translation>Lipoatrophie</translation>
    </message>
    <message>
        <source>Long-handled appliances for reach</source>
        <translation>Instruments à long manche pour atteindre</translation>
    </message>
    <message>
        <source>Long-handled appliances in bathroom</source>
        <translation>Instruments à long manche dans la salle de bain</translation>
    </message>
    <message>
        <source>MDAAT cutaneous disease activity (physician VAS)</source>
        <translation>MDAAT : activité cutanée de la maladie (EVA du médecin)</translation>
    </message>
    <message>
        <source>MDAAT extramuscular global activity (physician VAS)</source>
        <translation>MDAAT : activité extramusculaire globale (EVA du médecin)</translation>
    </message>
    <message>
        <source>MMT8 (bilateral, 0-150)</source>
        <translation>MMT8 (bilatéral, 0-150)</translation>
    </message>
    <message>
        <source>MMT8 (unilateral, 0-80)</source>
        <translation>MMT8 (unilatéral, 0-80)</translation>
    </message>
    <message>
        <source>MMT8 ankle dorsiflexors</source>
        <translation>MMT8 fléchisseurs dorsaux de la cheville</translation>
    </message>
    <message>
        <source>MMT8 ankle dorsiflexors, left</source>
        <translation>MMT8 fléchisseurs dorsaux de la cheville, gauche</translation>
    </message>
    <message>
        <source>MMT8 ankle dorsiflexors, right</source>
        <translation>MMT8 fléchisseurs dorsaux de la cheville, droite</translation>
    </message>
    <message>
        <source>MMT8 biceps brachii</source>
        <translation>MMT8 biceps brachial</translation>
    </message>
    <message>
        <source>MMT8 biceps brachii, left</source>
        <translation>MMT8 biceps brachial, gauche</translation>
    </message>
    <message>
        <source>MMT8 biceps brachii, right</source>
        <translation>MMT8 biceps brachial, droite</translation>
    </message>
    <message>
        <source>MMT8 gluteus maximus</source>
        <translation>MMT8 grand fessier</translation>
    </message>
    <message>
        <source>MMT8 gluteus maximus, left</source>
        <translation>MMT8 grand fessier, gauche</translation>
    </message>
    <message>
        <source>MMT8 gluteus maximus, right</source>
        <translation>MMT8 grand fessier, droite</translation>
    </message>
    <message>
        <source>MMT8 gluteus medius</source>
        <translation>MMT8 moyen fessier</translation>
    </message>
    <message>
        <source>MMT8 gluteus medius, left</source>
        <translation>MMT8 moyen fessier, gauche</translation>
    </message>
    <message>
        <source>MMT8 gluteus medius, right</source>
        <translation>MMT8 moyen fessier, droite</translation>
    </message>
    <message>
        <source>MMT8 middle deltoid</source>
        <translation>MMT8 deltoïde moyen</translation>
    </message>
    <message>
        <source>MMT8 middle deltoid, left</source>
        <translation>MMT8 deltoïde moyen, gauche</translation>
    </message>
    <message>
        <source>MMT8 middle deltoid, right</source>
        <translation>MMT8 deltoïde moyen, droite</translation>
    </message>
    <message>
        <source>MMT8 neck flexors</source>
        <translation>MMT8 fléchisseurs du cou</translation>
    </message>
    <message>
        <source>MMT8 quadriceps</source>
        <translation>MMT8 quadriceps</translation>
    </message>
    <message>
        <source>MMT8 quadriceps, left</source>
        <translation>MMT8 quadriceps, gauche</translation>
    </message>
    <message>
        <source>MMT8 quadriceps, right</source>
        <translation>MMT8 quadriceps, droite</translation>
    </message>
    <message>
        <source>MMT8 wrist extensors</source>
        <translation>MMT8 extenseurs du poignet</translation>
    </message>
    <message>
        <source>MMT8 wrist extensors, left</source>
        <translation>MMT8 extenseurs du poignet, gauche</translation>
    </message>
    <message>
        <source>MMT8 wrist extensors, right</source>
        <translation>MMT8 extenseurs du poignet, droite</translation>
    </message>
    <message>
        <source>MMT8: ankle dorsiflexors</source>
        <translation>MMT8 : fléchisseurs dorsaux de la cheville</translation>
    </message>
    <message>
        <source>MMT8: ankle dorsiflexors, left</source>
        <translation>MMT8 : fléchisseurs dorsaux de la cheville, gauche</translation>
    </message>
    <message>
        <source>MMT8: ankle dorsiflexors, right</source>
        <translation>MMT8 : fléchisseurs dorsaux de la cheville, droite</translation>
    </message>
    <message>
        <source>MMT8: biceps brachii</source>
        <translation>MMT8 : biceps brachial</translation>
    </message>
    <message>
        <source>MMT8: biceps brachii, left</source>
        <translation>MMT8 : biceps brachial, gauche</translation>
    </message>
    <message>
        <source>MMT8: biceps brachii, right</source>
        <translation>MMT8 : biceps brachial, droite</translation>
    </message>
    <message>
        <source>MMT8: gluteus maximus</source>
        <translation>MMT8 : grand fessier</translation>
    </message>
    <message>
        <source>MMT8: gluteus maximus, left</source>
        <translation>MMT8 : grand fessier, gauche</translation>
    </message>
    <message>
        <source>MMT8: gluteus maximus, right</source>
        <translation>MMT8 : grand fessier, droite</translation>
    </message>
    <message>
        <source>MMT8: gluteus medius</source>
        <translation>MMT8 : moyen fessier</translation>
    </message>
    <message>
        <source>MMT8: gluteus medius, left</source>
        <translation>MMT8 : moyen fessier, gauche</translation>
    </message>
    <message>
        <source>MMT8: gluteus medius, right</source>
        <translation>MMT8 : moyen fessier, droite</translation>
    </message>
    <message>
        <source>MMT8: middle deltoid</source>
        <translation>MMT8 : deltoïde moyen</translation>
    </message>
    <message>
        <source>MMT8: middle deltoid, left</source>
        <translation>MMT8 : deltoïde moyen, gauche</translation>
    </message>
    <message>
        <source>MMT8: middle deltoid, right</source>
        <translation>MMT8 : deltoïde moyen, droite</translation>
    </message>
    <message>
        <source>MMT8: neck flexors</source>
        <translation>MMT8 : fléchisseurs du cou</translation>
    </message>
    <message>
        <source>MMT8: quadriceps</source>
        <translation>MMT8 : quadriceps</translation>
    </message>
    <message>
        <source>MMT8: quadriceps, left</source>
        <translation>MMT8 : quadriceps, gauche</translation>
    </message>
    <message>
        <source>MMT8: quadriceps, right</source>
        <translation>MMT8 : quadriceps, droite</translation>
    </message>
    <message>
        <source>MMT8: wrist extensors</source>
        <translation>MMT8 : extenseurs du poignet</translation>
    </message>
    <message>
        <source>MMT8: wrist extensors, left</source>
        <translation>MMT8 : extenseurs du poignet, gauche</translation>
    </message>
    <message>
        <source>MMT8: wrist extensors, right</source>
        <translation>MMT8 : extenseurs du poignet, droite</translation>
    </message>
    <message>
        <source>MRI date</source>
        <translation>Date de l&apos;IRM</translation>
    </message>
    <message>
        <source>MRI done</source>
        <translation>IRM faite</translation>
    </message>
    <message>
        <source>MRI: active myositis</source>
        <translation>IRM : myosite active</translation>
    </message>
    <message>
        <source>Mechanic&apos;s hands</source>
        <translation>Mains de mécanicien</translation>
    </message>
    <message>
        <source>Methotrexate dose</source>
        <translation>Dose de méthotrexate</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Légère</translation>
    </message>
    <message>
        <source>Mild (grade 1)</source>
        <translation>Léger (grade 1)</translation>
    </message>
    <message>
        <source>Mild difficulty: no hands needed, but some difficulty</source>
        <translation>Difficulté légère : sans les mains, mais avec une certaine difficulté</translation>
    </message>
    <message>
        <source>Moderate (grade 2)</source>
        <translation>Modéré (grade 2)</translation>
    </message>
    <message>
        <source>Moderate difficulty: needs hands on knees/thighs, not the chair</source>
        <translation>Difficulté modérée : mains sur les genoux/cuisses, sans la chaise</translation>
    </message>
    <message>
        <source>Moderate difficulty: no chair, but hands on thighs/knees or floor</source>
        <translation>Difficulté modérée : sans chaise, mais mains sur les cuisses/genoux ou au sol</translation>
    </message>
    <message>
        <source>More than mild</source>
        <translation>Plus que légère</translation>
    </message>
    <message>
        <source>Most abnormal muscle enzyme</source>
        <translation>Enzyme musculaire la plus anormale</translation>
    </message>
    <message>
        <source>Most days</source>
        <translation>La plupart des jours</translation>
    </message>
    <message>
        <source>Much difficulty: needs a chair for support</source>
        <translation>Grande difficulté : a besoin d&apos;une chaise comme appui</translation>
    </message>
    <message>
        <source>Much difficulty: needs a chair for support on the way down</source>
        <translation>Grande difficulté : a besoin d&apos;une chaise comme appui pour descendre</translation>
    </message>
    <message>
        <source>Much difficulty: needs a hand on the exam table or examiner&apos;s hand</source>
        <translation>Grande difficulté : a besoin d&apos;une main sur la table d&apos;examen ou de la main de l&apos;examinateur</translation>
    </message>
    <message>
        <source>Much difficulty: needs hands on the sides of the chair</source>
        <translation>Grande difficulté : a besoin des mains sur les côtés de la chaise</translation>
    </message>
    <message>
        <source>Much difficulty: relies heavily on hands on knees/thighs</source>
        <translation>Grande difficulté : s&apos;appuie fortement sur les genoux/cuisses</translation>
    </message>
    <message>
        <source>Much difficulty: very slow, struggles greatly, barely makes it</source>
        <translation>Grande difficulté : très lent, peine beaucoup, y arrive à peine</translation>
    </message>
    <message>
        <source>Muscle strength (MMT8 or CMAS)</source>
        <translation>Force musculaire (MMT8 ou CMAS)</translation>
    </message>
    <message>
        <source>Nailfold capillary abnormalities</source>
        <translation>Anomalies des capillaires péri-unguéaux</translation>
    </message>
    <message>
        <source>Needed for the 2016 ACR/EULAR response criteria (total improvement score).</source>
        <translation>Requis pour les critères de réponse ACR/EULAR 2016 (score total d&apos;amélioration).</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Apparition</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>No difficulty</source>
        <translation>Aucune difficulté</translation>
    </message>
    <message>
        <source>No difficulty: no compensatory manoeuvre</source>
        <translation>Aucune difficulté : aucune manœuvre compensatoire</translation>
    </message>
    <message>
        <source>No pain</source>
        <translation>Aucune douleur</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Normal (N): holds against strong pressure</source>
        <translation>Normal (N) : résiste à une forte pression</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non fait</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Not recovered / not resolved</source>
        <translation>Non rétabli / non résolu</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Non testé</translation>
    </message>
    <message>
        <source>One point for each of the six sit-up variants done (items 5a-5f).</source>
        <translation>Un point par variante de redressement assis réussie (items 5a à 5f).</translation>
    </message>
    <message>
        <source>Open a new cereal box?</source>
        <translation>Ouvrir une boîte de céréales neuve&#x202f;?</translation>
    </message>
    <message>
        <source>Open car doors?</source>
        <translation>Ouvrir les portières d&apos;une auto&#x202f;?</translation>
    </message>
    <message>
        <source>Open jars which have been previously opened?</source>
        <translation>Ouvrir des pots déjà ouverts&#x202f;?</translation>
    </message>
    <message>
        <source>Oral prednisone-equivalent dose today</source>
        <translation>Dose orale en équivalent prednisone aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Other aid or device (name the domain it helps with)</source>
        <translation>Autre aide ou appareil (nommer le domaine visé)</translation>
    </message>
    <message>
        <source>Other anti-synthetase</source>
        <translation>Autre anti-synthétase</translation>
    </message>
    <message>
        <source>Panniculitis</source>
        <translation>Panniculite</translation>
    </message>
    <message>
        <source>Patient/parent global activity</source>
        <translation>Activité globale (patient/parent)</translation>
    </message>
    <message>
        <source>Patient/parent global assessment of disease activity</source>
        <translation>Évaluation globale de l&apos;activité de la maladie par le patient/parent</translation>
    </message>
    <message>
        <source>Patient/parent global assessment of skin disease activity</source>
        <translation>Évaluation globale de l&apos;activité cutanée par le patient/parent</translation>
    </message>
    <message>
        <source>Periungual capillary changes</source>
        <translation>Changements capillaires péri-unguéaux</translation>
    </message>
    <message>
        <source>Physician global activity</source>
        <translation>Activité globale (médecin)</translation>
    </message>
    <message>
        <source>Physician global assessment of disease activity</source>
        <translation>Évaluation globale de l&apos;activité de la maladie par le médecin</translation>
    </message>
    <message>
        <source>Physician global assessment of skin disease activity</source>
        <translation>Évaluation globale de l&apos;activité cutanée par le médecin</translation>
    </message>
    <message>
        <source>Poor (P): full range of motion, gravity minimised</source>
        <translation>Faible (P) : amplitude complète, gravité minimisée</translation>
    </message>
    <message>
        <source>Poor+ (P+): gradual release from the test position against gravity</source>
        <translation>Faible+ (P+) : relâche graduellement la position d&apos;épreuve contre la gravité</translation>
    </message>
    <message>
        <source>Poor- (P-): partial range of motion, gravity minimised</source>
        <translation>Faible- (P-) : amplitude partielle, gravité minimisée</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Possible</source>
        <translation>Possible</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Primary outcome of the persistent-skin-rash CTP (seed 000, Table 3).</source>
        <translation>Critère principal du plan de traitement de l&apos;éruption cutanée persistante (source 000, tableau 3).</translation>
    </message>
    <message>
        <source>Probable</source>
        <translation>Probable</translation>
    </message>
    <message>
        <source>Pull on a sweater over his/her head?</source>
        <translation>Enfiler un chandail par-dessus sa tête&#x202f;?</translation>
    </message>
    <message>
        <source>Push open a door when he/she has to turn a door knob?</source>
        <translation>Pousser une porte en tournant la poignée&#x202f;?</translation>
    </message>
    <message>
        <source>Raised toilet seat</source>
        <translation>Siège de toilette surélevé</translation>
    </message>
    <message>
        <source>Raises arms straight above head, elbows fully extended</source>
        <translation>Lève les bras droits au-dessus de la tête, coudes complètement tendus</translation>
    </message>
    <message>
        <source>Raises wrists above top of head but elbows not fully straight</source>
        <translation>Lève les poignets au-dessus de la tête, coudes pas complètement tendus</translation>
    </message>
    <message>
        <source>Raises wrists to shoulder (acromioclavicular) level, not above top of head</source>
        <translation>Lève les poignets à la hauteur des épaules (acromio-claviculaire), pas au-dessus de la tête</translation>
    </message>
    <message>
        <source>Rarely or never</source>
        <translation>Rarement ou jamais</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Atteindre</translation>
    </message>
    <message>
        <source>Reach and get down a heavy object such as a large game or books from just above his/her head?</source>
        <translation>Atteindre et descendre un objet lourd, comme un gros jeu ou des livres, placé juste au-dessus de sa tête&#x202f;?</translation>
    </message>
    <message>
        <source>Recovered / resolved</source>
        <translation>Rétabli / résolu</translation>
    </message>
    <message>
        <source>Recovered with sequelae</source>
        <translation>Rétabli avec séquelles</translation>
    </message>
    <message>
        <source>Recovering / resolving</source>
        <translation>En voie de rétablissement / de résolution</translation>
    </message>
    <message>
        <source>Remove socks?</source>
        <translation>Enlever ses chaussettes&#x202f;?</translation>
    </message>
    <message>
        <source>Renal</source>
        <translation>Rénal</translation>
    </message>
    <message>
        <source>Ride bike or tricycle?</source>
        <translation>Faire du vélo ou du tricycle&#x202f;?</translation>
    </message>
    <message>
        <source>Run and play?</source>
        <translation>Courir et jouer&#x202f;?</translation>
    </message>
    <message>
        <source>Run errands and shop?</source>
        <translation>Faire des courses et des achats&#x202f;?</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>Seconds held; the item score is derived from the bands (whole seconds).</source>
        <translation>Secondes tenues&#x202f;; le score de l&apos;item découle des paliers (secondes entières).</translation>
    </message>
    <message>
        <source>Serum creatinine</source>
        <translation>Créatinine sérique</translation>
    </message>
    <message>
        <source>Severe (grade 3)</source>
        <translation>Sévère (grade 3)</translation>
    </message>
    <message>
        <source>Shampoo his/her hair?</source>
        <translation>Se laver les cheveux&#x202f;?</translation>
    </message>
    <message>
        <source>Some difficulty: able, but somewhat slow, struggles some</source>
        <translation>Une certaine difficulté : capable, mais un peu lent, peine un peu</translation>
    </message>
    <message>
        <source>Some difficulty: briefly needs hands on knees/thighs, somewhat slow</source>
        <translation>Une certaine difficulté : mains brièvement sur les genoux/cuisses, un peu lent</translation>
    </message>
    <message>
        <source>Some difficulty: no table support, but a hand on knee/thigh</source>
        <translation>Une certaine difficulté : sans appui sur la table, mais une main sur genou/cuisse</translation>
    </message>
    <message>
        <source>Some difficulty: sits down somewhat slowly or gingerly, no chair needed</source>
        <translation>Une certaine difficulté : s&apos;assoit un peu lentement ou prudemment, sans chaise</translation>
    </message>
    <message>
        <source>Sometimes</source>
        <translation>Parfois</translation>
    </message>
    <message>
        <source>Special or built-up chair</source>
        <translation>Chaise spéciale ou surélevée</translation>
    </message>
    <message>
        <source>Stand up from a low chair or floor?</source>
        <translation>Se lever d&apos;une chaise basse ou du plancher&#x202f;?</translation>
    </message>
    <message>
        <source>Sun avoidance and sunscreen since the last visit</source>
        <translation>Évitement du soleil et écran solaire depuis la dernière visite</translation>
    </message>
    <message>
        <source>Sun-protection counselling given at this visit</source>
        <translation>Conseils de protection solaire donnés à cette visite</translation>
    </message>
    <message>
        <source>Supine, neck flexed (chin towards chest): time the head is held off the table.</source>
        <translation>Sur le dos, cou fléchi (menton vers la poitrine) : durée pendant laquelle la tête est tenue au-dessus de la table.</translation>
    </message>
    <message>
        <source>Supine: time the straight leg is held off the table.</source>
        <translation>Sur le dos : durée pendant laquelle la jambe tendue est tenue au-dessus de la table.</translation>
    </message>
    <message>
        <source>Take a tub bath (get in and out of tub)?</source>
        <translation>Prendre un bain (entrer dans la baignoire et en sortir)&#x202f;?</translation>
    </message>
    <message>
        <source>The daily oral glucocorticoid dose, as prednisone (0 if none).</source>
        <translation>La dose quotidienne de glucocorticoïde oral, en prednisone (0 si aucune).</translation>
    </message>
    <message>
        <source>The dose of each pulse (the plans cap it at 1000 mg).</source>
        <translation>La dose de chaque bolus (les plans la limitent à 1000 mg).</translation>
    </message>
    <message>
        <source>Time the wrists are held above the top of the head.</source>
        <translation>Durée pendant laquelle les poignets sont tenus au-dessus de la tête.</translation>
    </message>
    <message>
        <source>Trace (T): contraction felt or tendon prominent, no visible movement</source>
        <translation>Trace (T) : contraction perçue ou tendon saillant, aucun mouvement visible</translation>
    </message>
    <message>
        <source>Turn faucets on and off?</source>
        <translation>Ouvrir et fermer les robinets&#x202f;?</translation>
    </message>
    <message>
        <source>Turn neck to look back over shoulder?</source>
        <translation>Tourner le cou pour regarder par-dessus son épaule&#x202f;?</translation>
    </message>
    <message>
        <source>Turns easily; some difficulty freeing arms but fully prone</source>
        <translation>Se retourne facilement&#x202f;; une certaine difficulté à dégager les bras, mais complètement sur le ventre</translation>
    </message>
    <message>
        <source>Turns onto side fairly easily but cannot fully free arms or lie fully prone</source>
        <translation>Se tourne sur le côté assez facilement, mais ne peut pas dégager complètement les bras ni se mettre complètement sur le ventre</translation>
    </message>
    <message>
        <source>Turns over easily and frees arms with no difficulty</source>
        <translation>Se retourne facilement et dégage les bras sans difficulté</translation>
    </message>
    <message>
        <source>Unable</source>
        <translation>Incapable</translation>
    </message>
    <message>
        <source>Unable by self</source>
        <translation>Incapable seul</translation>
    </message>
    <message>
        <source>Unable to bend over and pick up a pencil from the floor</source>
        <translation>Incapable de se pencher et de ramasser un crayon par terre</translation>
    </message>
    <message>
        <source>Unable to do</source>
        <translation>Incapable de le faire</translation>
    </message>
    <message>
        <source>Unable to go from prone to all-fours</source>
        <translation>Incapable de passer du ventre à quatre pattes</translation>
    </message>
    <message>
        <source>Unable to lift leg off table</source>
        <translation>Incapable de soulever la jambe de la table</translation>
    </message>
    <message>
        <source>Unable, even with a chair for support</source>
        <translation>Incapable, même avec une chaise comme appui</translation>
    </message>
    <message>
        <source>Unable, even with hands on the sides of the chair</source>
        <translation>Incapable, même avec les mains sur les côtés de la chaise</translation>
    </message>
    <message>
        <source>Unable: afraid even to try sitting on the floor</source>
        <translation>Incapable : a peur même d&apos;essayer de s&apos;asseoir au sol</translation>
    </message>
    <message>
        <source>Unable: difficulty even turning onto side; frees arms little or not at all</source>
        <translation>Incapable : difficulté même à se tourner sur le côté&#x202f;; dégage peu ou pas les bras</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Unlikely</source>
        <translation>Peu probable</translation>
    </message>
    <message>
        <source>Unrelated</source>
        <translation>Non lié</translation>
    </message>
    <message>
        <source>Very poor</source>
        <translation>Très mauvais</translation>
    </message>
    <message>
        <source>Very severe pain</source>
        <translation>Douleur très intense</translation>
    </message>
    <message>
        <source>Very well</source>
        <translation>Très bien</translation>
    </message>
    <message>
        <source>Walk outdoors on flat ground?</source>
        <translation>Marcher dehors sur un terrain plat&#x202f;?</translation>
    </message>
    <message>
        <source>Walker</source>
        <translation>Marchette</translation>
    </message>
    <message>
        <source>Walking</source>
        <translation>Marche</translation>
    </message>
    <message>
        <source>Wash and dry entire body?</source>
        <translation>Se laver et s&apos;essuyer tout le corps&#x202f;?</translation>
    </message>
    <message>
        <source>Weekly methotrexate (oral or subcutaneous); 0 if none.</source>
        <translation>Méthotrexate hebdomadaire (oral ou sous-cutané)&#x202f;; 0 si aucun.</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Fauteuil roulant</translation>
    </message>
    <message>
        <source>With much difficulty</source>
        <translation>Avec beaucoup de difficulté</translation>
    </message>
    <message>
        <source>With some difficulty</source>
        <translation>Avec une certaine difficulté</translation>
    </message>
    <message>
        <source>Without any difficulty</source>
        <translation>Sans aucune difficulté</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Aggravation</translation>
    </message>
    <message>
        <source>Write or scribble with pen or pencil?</source>
        <translation>Écrire ou gribouiller avec un stylo ou un crayon&#x202f;?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>able</source>
        <translation>capable</translation>
    </message>
    <message>
        <source>all-fours manoeuvre</source>
        <translation>position à quatre pattes</translation>
    </message>
    <message>
        <source>ankle dorsiflexors</source>
        <translation>fléchisseurs dorsaux de la cheville</translation>
    </message>
    <message>
        <source>ankle dorsiflexors, left</source>
        <translation>fléchisseurs dorsaux de la cheville, gauche</translation>
    </message>
    <message>
        <source>ankle dorsiflexors, right</source>
        <translation>fléchisseurs dorsaux de la cheville, droite</translation>
    </message>
    <message>
        <source>arm raise / straighten</source>
        <translation>lever / tendre les bras</translation>
    </message>
    <message>
        <source>arm raise duration</source>
        <translation>durée des bras levés</translation>
    </message>
    <message>
        <source>arm raise duration, seconds held</source>
        <translation>durée des bras levés, secondes tenues</translation>
    </message>
    <message>
        <source>biceps brachii</source>
        <translation>biceps brachial</translation>
    </message>
    <message>
        <source>biceps brachii, left</source>
        <translation>biceps brachial, gauche</translation>
    </message>
    <message>
        <source>biceps brachii, right</source>
        <translation>biceps brachial, droite</translation>
    </message>
    <message>
        <source>chair rise</source>
        <translation>se lever d&apos;une chaise</translation>
    </message>
    <message>
        <source>erosions, vesiculobullous change, necrosis</source>
        <translation>érosions, lésions vésiculobulleuses, nécrose</translation>
    </message>
    <message>
        <source>floor rise</source>
        <translation>se relever du sol</translation>
    </message>
    <message>
        <source>floor sit</source>
        <translation>s&apos;asseoir au sol</translation>
    </message>
    <message>
        <source>gluteus maximus</source>
        <translation>grand fessier</translation>
    </message>
    <message>
        <source>gluteus maximus, left</source>
        <translation>grand fessier, gauche</translation>
    </message>
    <message>
        <source>gluteus maximus, right</source>
        <translation>grand fessier, droite</translation>
    </message>
    <message>
        <source>gluteus medius</source>
        <translation>moyen fessier</translation>
    </message>
    <message>
        <source>gluteus medius, left</source>
        <translation>moyen fessier, gauche</translation>
    </message>
    <message>
        <source>gluteus medius, right</source>
        <translation>moyen fessier, droite</translation>
    </message>
    <message>
        <source>head elevation</source>
        <translation>élévation de la tête</translation>
    </message>
    <message>
        <source>head elevation, seconds held</source>
        <translation>élévation de la tête, secondes tenues</translation>
    </message>
    <message>
        <source>leg raise / touch object</source>
        <translation>lever la jambe / toucher l&apos;objet</translation>
    </message>
    <message>
        <source>malar/facial, linear extensor, V-sign, shawl sign, periungual erythema</source>
        <translation>malaire/faciale, linéaire des extenseurs, signe du V, signe du châle, érythème péri-unguéal</translation>
    </message>
    <message>
        <source>mg</source>
        <translation>mg</translation>
    </message>
    <message>
        <source>mg/day</source>
        <translation>mg/jour</translation>
    </message>
    <message>
        <source>mg/week</source>
        <translation>mg/semaine</translation>
    </message>
    <message>
        <source>middle deltoid</source>
        <translation>deltoïde moyen</translation>
    </message>
    <message>
        <source>middle deltoid, left</source>
        <translation>deltoïde moyen, gauche</translation>
    </message>
    <message>
        <source>middle deltoid, right</source>
        <translation>deltoïde moyen, droite</translation>
    </message>
    <message>
        <source>neck flexors</source>
        <translation>fléchisseurs du cou</translation>
    </message>
    <message>
        <source>overall well-being (VAS)</source>
        <translation>bien-être général (EVA)</translation>
    </message>
    <message>
        <source>pain in the past week (VAS)</source>
        <translation>douleur au cours de la dernière semaine (EVA)</translation>
    </message>
    <message>
        <source>pick-up</source>
        <translation>ramasser un objet</translation>
    </message>
    <message>
        <source>pulses</source>
        <translation>bolus</translation>
    </message>
    <message>
        <source>quadriceps</source>
        <translation>quadriceps</translation>
    </message>
    <message>
        <source>quadriceps, left</source>
        <translation>quadriceps, gauche</translation>
    </message>
    <message>
        <source>quadriceps, right</source>
        <translation>quadriceps, droite</translation>
    </message>
    <message>
        <source>sit-up: hands across chest, with counterbalance</source>
        <translation>redressement assis : bras croisés sur la poitrine, avec contrepoids</translation>
    </message>
    <message>
        <source>sit-up: hands across chest, without counterbalance</source>
        <translation>redressement assis : bras croisés sur la poitrine, sans contrepoids</translation>
    </message>
    <message>
        <source>sit-up: hands behind head, with counterbalance</source>
        <translation>redressement assis : mains derrière la tête, avec contrepoids</translation>
    </message>
    <message>
        <source>sit-up: hands behind head, without counterbalance</source>
        <translation>redressement assis : mains derrière la tête, sans contrepoids</translation>
    </message>
    <message>
        <source>sit-up: hands on thighs, with counterbalance</source>
        <translation>redressement assis : mains sur les cuisses, avec contrepoids</translation>
    </message>
    <message>
        <source>sit-up: hands on thighs, without counterbalance</source>
        <translation>redressement assis : mains sur les cuisses, sans contrepoids</translation>
    </message>
    <message>
        <source>sit-ups</source>
        <translation>redressements assis</translation>
    </message>
    <message>
        <source>stool step</source>
        <translation>monter sur un tabouret</translation>
    </message>
    <message>
        <source>straight leg lift duration</source>
        <translation>durée de la jambe tendue levée</translation>
    </message>
    <message>
        <source>straight leg lift duration, seconds held</source>
        <translation>durée de la jambe tendue levée, secondes tenues</translation>
    </message>
    <message>
        <source>supine to prone</source>
        <translation>du dos au ventre</translation>
    </message>
    <message>
        <source>supine to sit</source>
        <translation>du dos à la position assise</translation>
    </message>
    <message>
        <source>unable</source>
        <translation>incapable</translation>
    </message>
    <message>
        <source>wrist extensors</source>
        <translation>extenseurs du poignet</translation>
    </message>
    <message>
        <source>wrist extensors, left</source>
        <translation>extenseurs du poignet, gauche</translation>
    </message>
    <message>
        <source>wrist extensors, right</source>
        <translation>extenseurs du poignet, droite</translation>
    </message>
</context>
<context>
    <name>Instrument message</name>
    <message>
        <source>&quot;%1&quot; is an impossible date: %2 %3 has %4 days.</source>
        <translation>« %1 » est une date impossible : %2 %3 compte %4 jours.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an impossible date: there is no month %2 (months run from 1 to 12).</source>
        <translation>« %1 » est une date impossible : il n&apos;y a pas de mois %2 (les mois vont de 1 à 12).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date. Write it as 2015-03-14, 20150314 or %2.</source>
        <translation>« %1 » n&apos;est pas une date. Écrivez-la sous la forme 2015-03-14, 20150314 ou %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the year must be written in full, e.g. 2015.</source>
        <translation>« %1 » : l&apos;année doit être écrite au complet, p. ex. 2015.</translation>
    </message>
    <message>
        <source>%1 (the most abnormal enzyme at baseline) was not measured at this visit; another enzyme is not substituted.</source>
        <translation>%1 (l&apos;enzyme la plus anormale à la visite initiale) n&apos;a pas été mesurée à cette visite&#x202f;; aucune autre enzyme ne la remplace.</translation>
    </message>
    <message>
        <source>%1 does not meet %2.</source>
        <translation>%1 : ne remplit pas %2.</translation>
    </message>
    <message>
        <source>%1 is after the latest date allowed here, %2 (%3).</source>
        <translation>%1 est après la date la plus récente permise ici, %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is after the latest date allowed here, %2.</source>
        <translation>%1 est après la date la plus récente permise ici, %2.</translation>
    </message>
    <message>
        <source>%1 is before the earliest date allowed here, %2 (%3).</source>
        <translation>%1 est avant la date la plus ancienne permise ici, %2 (%3).</translation>
    </message>
    <message>
        <source>%1 is before the earliest date allowed here, %2.</source>
        <translation>%1 est avant la date la plus ancienne permise ici, %2.</translation>
    </message>
    <message>
        <source>%1 is entered in %2 or %3, not %4.</source>
        <translation>%1 se saisit en %2 ou en %3, pas en %4.</translation>
    </message>
    <message>
        <source>%1 is marked absent but its change is &apos;%2&apos;; correct one of them.</source>
        <translation>%1 : l&apos;absence est notée, mais le changement est « %2 »&#x202f;; corrigez l&apos;un des deux.</translation>
    </message>
    <message>
        <source>%1 measures worsened by 25% or more (at most 2 allowed)</source>
        <translation>%1 mesures aggravées de 25 % ou plus (au plus 2 permises)</translation>
    </message>
    <message>
        <source>%1 meets %2.</source>
        <translation>%1 : remplit %2.</translation>
    </message>
    <message>
        <source>%1 mg/day</source>
        <translation>%1 mg/jour</translation>
    </message>
    <message>
        <source>%1 must be 0 (%2) or 1 (%3); %4 was entered.</source>
        <translation>%1 doit être 0 (%2) ou 1 (%3)&#x202f;; %4 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be 0, 1, 2, 3 or not applicable; %2 was entered.</source>
        <translation>%1 doit être 0, 1, 2, 3 ou sans objet&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number (for example 20.5); &quot;%2&quot; was entered.</source>
        <translation>%1 doit être un nombre (par exemple 20.5)&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 is required and must be a number.</source>
        <translation>%1 est obligatoire et doit être un nombre.</translation>
    </message>
    <message>
        <source>%1 is required; nothing was entered.</source>
        <translation>%1 est obligatoire&#x202f;; rien n&apos;a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number; %2 was entered.</source>
        <translation>%1 doit être un nombre&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be an ordinary number; %2 was entered.</source>
        <translation>%1 doit être un nombre ordinaire&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3 %4, in steps of %5 %6; %7 was entered.</source>
        <translation>%1 doit être un nombre de %2 à %3 %4, par pas de %5 %6&#x202f;; %7 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number in %2; &quot;%3&quot; was entered.</source>
        <translation>%1 doit être un nombre en %2&#x202f;; « %3 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number of seconds, 0 or more; %2 was entered.</source>
        <translation>%1 doit être un nombre de secondes, 0 ou plus&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a number written with a point for decimals (for example 20.5); &quot;%2&quot; was entered.</source>
        <translation>%1 doit être un nombre écrit avec un point pour les décimales (par exemple 20.5)&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3 %4; &quot;%5&quot; was entered.</source>
        <translation>%1 doit être un nombre entier de %2 à %3 %4&#x202f;; « %5 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3; %4 was entered.</source>
        <translation>%1 doit être un nombre entier de %2 à %3&#x202f;; %4 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be a whole number; &quot;%2&quot; was entered.</source>
        <translation>%1 doit être un nombre entier&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4 (%5 to %6 %7); %8 was entered.</source>
        <translation>%1 doit être entre %2 et %3 %4 (%5 à %6 %7)&#x202f;; %8 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4; %5 was entered.</source>
        <translation>%1 doit être entre %2 et %3 %4&#x202f;; %5 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3 %4; &quot;%5&quot; was entered.</source>
        <translation>%1 doit être de %2 à %3 %4&#x202f;; « %5 » a été saisi.</translation>
    </message>
    <message>
        <source>%1 not available at baseline and follow-up.</source>
        <translation>%1 non disponible à la visite initiale ni au suivi.</translation>
    </message>
    <message>
        <source>%1 not available at baseline.</source>
        <translation>%1 non disponible à la visite initiale.</translation>
    </message>
    <message>
        <source>%1 not available at follow-up.</source>
        <translation>%1 non disponible au suivi.</translation>
    </message>
    <message>
        <source>%1 not available.</source>
        <translation>%1 non disponible.</translation>
    </message>
    <message>
        <source>%1 of 4 PRINTO criteria met</source>
        <translation>%1 critères PRINTO sur 4 remplis</translation>
    </message>
    <message>
        <source>%1 of 6 sit-up variants done</source>
        <translation>%1 des 6 variantes de redressement assis réussies</translation>
    </message>
    <message>
        <source>%1 of 6 sit-up variants entered; not entered: %2</source>
        <translation>%1 des 6 variantes de redressement assis saisies&#x202f;; non saisies : %2</translation>
    </message>
    <message>
        <source>%1 result</source>
        <translation>%1 résultat</translation>
    </message>
    <message>
        <source>%1 results</source>
        <translation>%1 résultats</translation>
    </message>
    <message>
        <source>%1, change since last visit: answer must be one of %2; %3 was entered.</source>
        <translation>%1, changement depuis la dernière visite : la réponse doit être l&apos;une de %2&#x202f;; %3 a été saisi.</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; improved.</source>
        <translation>%1 : %2 -&gt; amélioration.</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; neither.</source>
        <translation>%1 : %2 -&gt; ni l&apos;un ni l&apos;autre.</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; worsened.</source>
        <translation>%1 : %2 -&gt; aggravation.</translation>
    </message>
    <message>
        <source>%1: %2 ÷ ULN %3 = %4 × ULN</source>
        <translation>%1 : %2 ÷ LSN %3 = %4 × LSN</translation>
    </message>
    <message>
        <source>%1: ULN unit must be U/L or µkat/L; %2 was entered.</source>
        <translation>%1 : l&apos;unité de la LSN doit être U/L ou µkat/L&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>%1: answer must be one of %2; %3 was entered.</source>
        <translation>%1 : la réponse doit être l&apos;une de %2&#x202f;; %3 a été saisi.</translation>
    </message>
    <message>
        <source>%1: relative change cannot be computed from a baseline of 0.</source>
        <translation>%1 : le changement relatif ne peut pas être calculé à partir d&apos;une valeur initiale de 0.</translation>
    </message>
    <message>
        <source>%1: the result must be a number from 0 to %2; %3 was entered.</source>
        <translation>%1 : le résultat doit être un nombre de 0 à %2&#x202f;; %3 a été saisi.</translation>
    </message>
    <message>
        <source>%1: the score entered (%2) does not match the seconds entered (%3 s scores %4). Correct or clear one of them.</source>
        <translation>%1 : le score saisi (%2) ne correspond pas aux secondes saisies (%3 s donnent le score %4). Corrigez ou effacez l&apos;un des deux.</translation>
    </message>
    <message>
        <source>%1: the score entered (%2) does not match the sit-up variants entered (%3 done of %4 entered). Correct or clear one of them.</source>
        <translation>%1 : le score saisi (%2) ne correspond pas aux variantes de redressement assis saisies (%3 réussies sur %4 saisies). Corrigez ou effacez l&apos;un des deux.</translation>
    </message>
    <message>
        <source>%1: the upper limit of normal must be a number from %2 to %3; %4 was entered.</source>
        <translation>%1 : la limite supérieure de la normale doit être un nombre de %2 à %3&#x202f;; %4 a été saisi.</translation>
    </message>
    <message>
        <source>%1: unit must be U/L or µkat/L; %2 was entered.</source>
        <translation>%1 : l&apos;unité doit être U/L ou µkat/L&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>-&gt; %1 points</source>
        <translation>-&gt; %1 points</translation>
    </message>
    <message>
        <source>-&gt; improved</source>
        <translation>-&gt; amélioration</translation>
    </message>
    <message>
        <source>-&gt; neither</source>
        <translation>-&gt; ni l&apos;un ni l&apos;autre</translation>
    </message>
    <message>
        <source>-&gt; worsened</source>
        <translation>-&gt; aggravation</translation>
    </message>
    <message>
        <source>; not available: %1</source>
        <translation>&#x202f;; non disponibles : %1</translation>
    </message>
    <message>
        <source>; not met: %1</source>
        <translation>&#x202f;; non remplis : %1</translation>
    </message>
    <message>
        <source>Adverse event %1: a life-threatening or fatal event is serious; answer Serious? yes.</source>
        <translation>Événement indésirable %1 : un événement qui menace le pronostic vital ou fatal est grave&#x202f;; répondez Oui à « Grave&#x202f;? ».</translation>
    </message>
    <message>
        <source>Adverse event %1: a serious infection is a serious event; answer Serious? yes, or choose Infection, not serious.</source>
        <translation>Événement indésirable %1 : une infection grave est un événement grave&#x202f;; répondez Oui à « Grave&#x202f;? » ou choisissez Infection non grave.</translation>
    </message>
    <message>
        <source>Adverse event %1: category %2 is not one of the listed categories; choose one.</source>
        <translation>Événement indésirable %1 : la catégorie %2 ne fait pas partie de la liste&#x202f;; choisissez-en une.</translation>
    </message>
    <message>
        <source>Adverse event %1: category not recorded; choose one.</source>
        <translation>Événement indésirable %1 : catégorie non consignée&#x202f;; choisissez-en une.</translation>
    </message>
    <message>
        <source>Adverse event %1: it has a resolved date, so its outcome cannot be not recovered.</source>
        <translation>Événement indésirable %1 : il a une date de résolution, son évolution ne peut donc pas être « non rétabli ».</translation>
    </message>
    <message>
        <source>Adverse event %1: outcome %2 is not a listed outcome.</source>
        <translation>Événement indésirable %1 : l&apos;évolution %2 ne fait pas partie de la liste.</translation>
    </message>
    <message>
        <source>Adverse event %1: resolved %2 is before its onset %3.</source>
        <translation>Événement indésirable %1 : la résolution du %2 précède son début du %3.</translation>
    </message>
    <message>
        <source>Adverse event %1: severity %2 is not a listed grade.</source>
        <translation>Événement indésirable %1 : la gravité %2 n&apos;est pas un grade de la liste.</translation>
    </message>
    <message>
        <source>Adverse event %1: severity and outcome disagree about a death; correct one of them.</source>
        <translation>Événement indésirable %1 : la gravité et l&apos;évolution ne concordent pas au sujet d&apos;un décès&#x202f;; corrigez l&apos;une des deux.</translation>
    </message>
    <message>
        <source>Adverse event %1: the onset date %2 is before the enrollment on %3.</source>
        <translation>Événement indésirable %1 : la date de début %2 précède l&apos;inscription du %3.</translation>
    </message>
    <message>
        <source>Adverse event %1: the onset date %2 is in the future.</source>
        <translation>Événement indésirable %1 : la date de début %2 est dans le futur.</translation>
    </message>
    <message>
        <source>Adverse event %1: the onset date: %2</source>
        <translation>Événement indésirable %1 : la date de début : %2</translation>
    </message>
    <message>
        <source>Adverse event %1: the resolved date %2 is before the enrollment on %3.</source>
        <translation>Événement indésirable %1 : la date de résolution %2 précède l&apos;inscription du %3.</translation>
    </message>
    <message>
        <source>Adverse event %1: the resolved date %2 is in the future.</source>
        <translation>Événement indésirable %1 : la date de résolution %2 est dans le futur.</translation>
    </message>
    <message>
        <source>Adverse event %1: the resolved date: %2</source>
        <translation>Événement indésirable %1 : la date de résolution : %2</translation>
    </message>
    <message>
        <source>Age under %1 years: healthy 4-year-olds average about %2 on the CMAS, not %3 (head lift and sit-ups depend on age). Compare with this child&apos;s own earlier scores.</source>
        <translation>Âge inférieur à %1 ans : les enfants de 4 ans en bonne santé obtiennent en moyenne environ %2 au CMAS, et non %3 (l&apos;élévation de la tête et les redressements assis dépendent de l&apos;âge). Comparez avec les scores antérieurs de cet enfant.</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>CHAQ disability index</source>
        <translation>Indice d&apos;incapacité du CHAQ</translation>
    </message>
    <message>
        <source>CHAQ disability index not computed: %1 entries are not valid.</source>
        <translation>Indice d&apos;incapacité du CHAQ non calculé : %1 entrées ne sont pas valides.</translation>
    </message>
    <message>
        <source>CHAQ disability index not computed: %1 entry is not valid.</source>
        <translation>Indice d&apos;incapacité du CHAQ non calculé : %1 entrée n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>CHAQ disability index not computed: only %1 of %2 domains answered; at least %3 are needed (%4 rule: a project choice, as the IMACS CHAQ instructions set no minimum: the disability index only when at least 6 of the 8 domains are answered).</source>
        <translation>Indice d&apos;incapacité du CHAQ non calculé : seulement %1 domaines répondus sur %2&#x202f;; il en faut au moins %3 (règle %4 : un choix du projet, car les instructions IMACS du CHAQ ne fixent aucun minimum : l&apos;indice seulement si au moins 6 des 8 domaines sont répondus).</translation>
    </message>
    <message>
        <source>Clinically inactive disease (at least 3 of 4 met).</source>
        <translation>Maladie cliniquement inactive (au moins 3 critères sur 4 remplis).</translation>
    </message>
    <message>
        <source>Creatinine must be a number from %1 to %2 %3; &quot;%4&quot; was entered.</source>
        <translation>La créatinine doit être un nombre de %1 à %2 %3&#x202f;; « %4 » a été saisi.</translation>
    </message>
    <message>
        <source>DI %1</source>
        <translation>DI %1</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>Diastolic blood pressure</source>
        <translation>La pression artérielle diastolique</translation>
    </message>
    <message>
        <source>Enter today&apos;s weight to re-check the dose.</source>
        <translation>Entrez le poids d&apos;aujourd&apos;hui pour revérifier la dose.</translation>
    </message>
    <message>
        <source>Enzyme not comparable: baseline %1 vs follow-up %2.</source>
        <translation>Enzyme non comparable : %1 à la visite initiale contre %2 au suivi.</translation>
    </message>
    <message>
        <source>Enzyme not comparable: baseline %1 vs follow-up %2; follow the baseline&apos;s most abnormal enzyme.</source>
        <translation>Enzyme non comparable : %1 à la visite initiale contre %2 au suivi&#x202f;; suivez l&apos;enzyme la plus anormale de la visite initiale.</translation>
    </message>
    <message>
        <source>Extramuscular activity</source>
        <translation>Activité extramusculaire</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>IV methylprednisolone: pulses were given since the last visit; enter the dose of each pulse in mg.</source>
        <translation>Méthylprednisolone IV : des bolus ont été donnés depuis la dernière visite&#x202f;; entrez la dose de chaque bolus en mg.</translation>
    </message>
    <message>
        <source>Improved (IMACS definition).</source>
        <translation>Amélioration (définition IMACS).</translation>
    </message>
    <message>
        <source>Improved by 20% or more: %1; worsened by 25% or more: %2</source>
        <translation>Améliorées de 20 % ou plus : %1&#x202f;; aggravées de 25 % ou plus : %2</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>MMT8 criterion is defined on the 0-80 unilateral scale; a bilateral (0-150) total is not converted, so this criterion is not available.</source>
        <translation>Le critère MMT8 est défini sur l&apos;échelle unilatérale 0-80&#x202f;; un total bilatéral (0-150) n&apos;est pas converti, ce critère n&apos;est donc pas disponible.</translation>
    </message>
    <message>
        <source>MMT8 not available: a CMAS total does not stand in for manual muscle testing in the IMACS definition.</source>
        <translation>MMT8 non disponible : un total CMAS ne remplace pas l&apos;examen musculaire manuel dans la définition IMACS.</translation>
    </message>
    <message>
        <source>MMT8 not comparable: baseline %1 vs follow-up %2.</source>
        <translation>MMT8 non comparable : %1 à la visite initiale contre %2 au suivi.</translation>
    </message>
    <message>
        <source>Manual muscle testing (MMT8)</source>
        <translation>Examen musculaire manuel (MMT8)</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Most abnormal enzyme at baseline: %1, %2 × ULN (%3).</source>
        <translation>Enzyme la plus anormale à la visite initiale : %1, %2 × LSN (%3).</translation>
    </message>
    <message>
        <source>Most abnormal muscle enzyme</source>
        <translation>Enzyme musculaire la plus anormale</translation>
    </message>
    <message>
        <source>Muscle strength (MMT8 or CMAS)</source>
        <translation>Force musculaire (MMT8 ou CMAS)</translation>
    </message>
    <message>
        <source>Muscle strength not comparable: baseline %1 vs follow-up %2; use the same instrument and variant at both visits.</source>
        <translation>Force musculaire non comparable : %1 à la visite initiale contre %2 au suivi&#x202f;; utilisez le même instrument et la même variante aux deux visites.</translation>
    </message>
    <message>
        <source>Muscle strength: CMAS (MMT8 not complete and comparable at both visits).</source>
        <translation>Force musculaire : CMAS (MMT8 non complet et comparable aux deux visites).</translation>
    </message>
    <message>
        <source>Muscle strength: MMT8 (complete at both visits).</source>
        <translation>Force musculaire : MMT8 (complet aux deux visites).</translation>
    </message>
    <message>
        <source>Muscle strength: neither MMT8 nor CMAS is complete at both visits.</source>
        <translation>Force musculaire : ni le MMT8 ni le CMAS ne sont complets aux deux visites.</translation>
    </message>
    <message>
        <source>No baseline enzyme result with a ULN: the enzyme measure is missing.</source>
        <translation>Aucun résultat d&apos;enzyme avec LSN à la visite initiale : la mesure enzymatique manque.</translation>
    </message>
    <message>
        <source>No baseline enzyme results entered.</source>
        <translation>Aucun résultat d&apos;enzyme saisi à la visite initiale.</translation>
    </message>
    <message>
        <source>Not clinically inactive: fewer than 3 of 4 can be met.</source>
        <translation>Maladie non cliniquement inactive : moins de 3 critères sur 4 peuvent être remplis.</translation>
    </message>
    <message>
        <source>Not improved (IMACS definition): %1.</source>
        <translation>Pas d&apos;amélioration (définition IMACS) : %1.</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>OUTSIDE THE PROTOCOL RULE</source>
        <translation>HORS DE LA RÈGLE DU PROTOCOLE</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>Patient/parent global activity</source>
        <translation>Activité globale (patient/parent)</translation>
    </message>
    <message>
        <source>Percent change rule is PROVISIONAL: Absolute percent change = improvement ÷ the measure&apos;s full range × 100 (physician/parent global and extramuscular 10 cm, CHAQ 3, MMT8 80 or 150, CMAS 52); most abnormal enzyme: relative change (baseline - follow-up) ÷ baseline × 100. Source: clinical-rules §3.2 (provisional; verify against the IMACS calculator).</source>
        <translation>La règle du pourcentage de changement est PROVISOIRE : pourcentage de changement absolu = amélioration ÷ l&apos;étendue complète de la mesure × 100 (évaluations globales médecin/parent et extramusculaire 10 cm, CHAQ 3, MMT8 80 ou 150, CMAS 52)&#x202f;; enzyme la plus anormale : changement relatif (initiale - suivi) ÷ initiale × 100. Source : règles cliniques §3.2 (provisoire&#x202f;; à vérifier avec le calculateur IMACS).</translation>
    </message>
    <message>
        <source>Physical function (CHAQ)</source>
        <translation>Fonction physique (CHAQ)</translation>
    </message>
    <message>
        <source>Physician global activity</source>
        <translation>Activité globale (médecin)</translation>
    </message>
    <message>
        <source>Physician global activity %1 does not meet %2.</source>
        <translation>Activité globale (médecin) %1 : ne remplit pas %2.</translation>
    </message>
    <message>
        <source>Physician global activity %1 meets %2.</source>
        <translation>Activité globale (médecin) %1 : remplit %2.</translation>
    </message>
    <message>
        <source>Please check: %1 is marked %2, but %3 is higher than at %4: %5 cm then, %6 cm now.</source>
        <translation>À vérifier : pour %1, « %2 » est noté, mais %3 est plus élevé qu&apos;à %4 : %5 cm alors, %6 cm maintenant.</translation>
    </message>
    <message>
        <source>Please check: %1 is marked %2, but %3 is lower than at %4: %5 cm then, %6 cm now.</source>
        <translation>À vérifier : pour %1, « %2 » est noté, mais %3 est plus bas qu&apos;à %4 : %5 cm alors, %6 cm maintenant.</translation>
    </message>
    <message>
        <source>Protocol dose for today&apos;s weight: %1. No %2 prescription recorded.</source>
        <translation>Dose du protocole pour le poids d&apos;aujourd&apos;hui : %1. Aucune ordonnance de %2 consignée.</translation>
    </message>
    <message>
        <source>Protocol dose for today&apos;s weight: %1. Prescribed %2 is in other units: check by hand.</source>
        <translation>Dose du protocole pour le poids d&apos;aujourd&apos;hui : %1. La dose prescrite %2 est dans d&apos;autres unités : vérifiez à la main.</translation>
    </message>
    <message>
        <source>Protocol minimum for today&apos;s weight: %1. No %2 prescription recorded.</source>
        <translation>Minimum du protocole pour le poids d&apos;aujourd&apos;hui : %1. Aucune ordonnance de %2 consignée.</translation>
    </message>
    <message>
        <source>Saving is not blocked.</source>
        <translation>L&apos;enregistrement n&apos;est pas bloqué.</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>Source: %1.</source>
        <translation>Source : %1.</translation>
    </message>
    <message>
        <source>Systolic blood pressure</source>
        <translation>La pression artérielle systolique</translation>
    </message>
    <message>
        <source>TIS %1 %2</source>
        <translation>TIS %1 %2</translation>
    </message>
    <message>
        <source>The clinician may choose another.</source>
        <translation>Le clinicien peut en choisir une autre.</translation>
    </message>
    <message>
        <source>The dose of %1 is a number only; &quot;%2&quot; was stored with it.</source>
        <translation>La dose de %1 est un nombre seulement&#x202f;; « %2 » a été enregistré avec elle.</translation>
    </message>
    <message>
        <source>The dose of %1 must be a number above 0 (for example 7.5; a range or a word goes in &quot;Other (free text)&quot;); &quot;%2&quot; was entered.</source>
        <translation>La dose de %1 doit être un nombre supérieur à 0 (par exemple 7,5&#x202f;; un intervalle ou un mot va dans « Autre (texte libre) »)&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>This visit: %1</source>
        <translation>Cette visite : %1</translation>
    </message>
    <message>
        <source>This visit: %1 (the most abnormal enzyme at baseline) was not measured at this visit; another enzyme is not substituted.</source>
        <translation>Cette visite : %1 (l&apos;enzyme la plus anormale à la visite initiale) n&apos;a pas été mesurée à cette visite&#x202f;; aucune autre enzyme ne la remplace.</translation>
    </message>
    <message>
        <source>This visit: %1: %2 ÷ ULN %3 = %4 × ULN</source>
        <translation>Cette visite : %1 : %2 ÷ LSN %3 = %4 × LSN</translation>
    </message>
    <message>
        <source>Tied with %1; %2 chosen by the fixed order CK, aldolase, LDH, AST, ALT.</source>
        <translation>À égalité avec %1&#x202f;; %2 choisie selon l&apos;ordre fixe CK, aldolase, LDH, AST, ALT.</translation>
    </message>
    <message>
        <source>Total improvement score %1 = %2; category: %3 (JDM: minimal &gt;= 30, moderate &gt;= 45, major &gt;= 70).</source>
        <translation>Score total d&apos;amélioration %1 = %2&#x202f;; catégorie : %3 (DMJ : minime &gt;= 30, modérée &gt;= 45, majeure &gt;= 70).</translation>
    </message>
    <message>
        <source>Total improvement score not computed (never estimated from partial data).</source>
        <translation>Score total d&apos;amélioration non calculé (jamais estimé à partir de données partielles).</translation>
    </message>
    <message>
        <source>Unanswered (all items blank or not applicable): %1.</source>
        <translation>Sans réponse (tous les items vides ou sans objet) : %1.</translation>
    </message>
    <message>
        <source>Undetermined: the criteria not available (%1) decide whether 3 of 4 are met.</source>
        <translation>Indéterminé : les critères non disponibles (%1) décident si 3 sur 4 sont remplis.</translation>
    </message>
    <message>
        <source>Undetermined: the measures not available (%1) decide the result.</source>
        <translation>Indéterminé : les mesures non disponibles (%1) décident du résultat.</translation>
    </message>
    <message>
        <source>check by hand</source>
        <translation>vérifiez à la main</translation>
    </message>
    <message>
        <source>%1; prescribed %2: %3 — %4.</source>
        <translation>%1&#x202f;; prescrit %2 : %3 — %4.</translation>
    </message>
    <message>
        <source>day %1 of the course, taper phase (%2%3) of &quot;%4&quot; [%5: %6]</source>
        <translation>jour %1 du traitement, phase de diminution (%2%3) de « %4 » [%5 : %6]</translation>
    </message>
    <message>
        <source>day %1 of the course, full-dose phase (%2%3) of &quot;%4&quot; [%5: %6]</source>
        <translation>jour %1 du traitement, phase à pleine dose (%2%3) de « %4 » [%5 : %6]</translation>
    </message>
    <message>
        <source> to %1</source>
        <translation> au %1</translation>
    </message>
    <message>
        <source>Protocol dose for today&apos;s weight: %1</source>
        <translation>Dose du protocole pour le poids d&apos;aujourd&apos;hui : %1</translation>
    </message>
    <message>
        <source>Protocol dose for today&apos;s weight: %1 (%2)</source>
        <translation>Dose du protocole pour le poids d&apos;aujourd&apos;hui : %1 (%2)</translation>
    </message>
    <message>
        <source>Protocol minimum for today&apos;s weight: %1</source>
        <translation>Minimum du protocole pour le poids d&apos;aujourd&apos;hui : %1</translation>
    </message>
    <message>
        <source>Protocol minimum for today&apos;s weight: %1 (%2)</source>
        <translation>Minimum du protocole pour le poids d&apos;aujourd&apos;hui : %1 (%2)</translation>
    </message>
    <message>
        <source>above the protocol maximum of %1</source>
        <translation>au-dessus du maximum du protocole de %1</translation>
    </message>
    <message>
        <source>Protocol maximum for today&apos;s weight: %1 (%2)</source>
        <translation>Maximum du protocole pour le poids d&apos;aujourd&apos;hui : %1 (%2)</translation>
    </message>
    <message>
        <source>The course &quot;%1&quot; ended on %2 [%3: %4]; no dose is expected now</source>
        <translation>Le traitement « %1 » a pris fin le %2 [%3 : %4]&#x202f;; aucune dose n&apos;est attendue maintenant</translation>
    </message>
    <message>
        <source>a dose now is beyond this plan&apos;s schedule: check by hand and record why</source>
        <translation>une dose maintenant dépasse le calendrier de ce plan : vérifier à la main et consigner pourquoi</translation>
    </message>
    <message>
        <source>at or below the maximum, as a taper may be</source>
        <translation>au maximum ou en dessous, comme peut l&apos;être une diminution</translation>
    </message>
    <message>
        <source>above the maximum of %1</source>
        <translation>au-dessus du maximum de %1</translation>
    </message>
    <message>
        <source>at or above the minimum</source>
        <translation>au minimum ou au-dessus</translation>
    </message>
    <message>
        <source>below the protocol minimum</source>
        <translation>sous le minimum du protocole</translation>
    </message>
    <message>
        <source>within %1% of it</source>
        <translation>à %1 % près</translation>
    </message>
    <message>
        <source>%1% below it: inside the rule once the taper has started, but the first dose date is not known, so the phase cannot be told</source>
        <translation>%1 % en dessous : conforme à la règle une fois la diminution commencée, mais la date de la première dose n&apos;est pas connue, donc la phase ne peut être déterminée</translation>
    </message>
    <message>
        <source>%1% away from it (more than %2%, provisional rule)</source>
        <translation>à %1 % d&apos;écart (plus de %2 %, règle provisoire)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>article de référence</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publication</translation>
    </message>
    <message>
        <source>dose flag</source>
        <translation>dose signalée</translation>
    </message>
    <message>
        <source>improving</source>
        <translation>en amélioration</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplet</translation>
    </message>
    <message>
        <source>major</source>
        <translation>majeure</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minime</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>no dose</source>
        <translation>aucune dose</translation>
    </message>
    <message>
        <source>no index</source>
        <translation>aucun indice</translation>
    </message>
    <message>
        <source>no weight</source>
        <translation>aucun poids</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>only %1 improved by 20% or more (3 needed)</source>
        <translation>seulement %1 améliorées de 20 % ou plus (3 requises)</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisoire</translation>
    </message>
    <message>
        <source>score entered: %1</source>
        <translation>score saisi : %1</translation>
    </message>
    <message>
        <source>Age must be a number of years, 0 or more; %1 was entered.</source>
        <translation>L&apos;âge doit être un nombre d&apos;années, 0 ou plus&#x202f;; %1 a été saisi.</translation>
    </message>
    <message>
        <source>CMAS total not computed: %1 entry is not valid.</source>
        <translation>Total CMAS non calculé : %1 entrée n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>CMAS total not computed: %1 entries are not valid.</source>
        <translation>Total CMAS non calculé : %1 entrées ne sont pas valides.</translation>
    </message>
    <message>
        <source>CMAS total not computed: %1 of %2 items missing (%3). Sum of the %4 items entered: %5 (partial, not a total; missing items are never filled in).</source>
        <translation>Total CMAS non calculé : %1 des %2 éléments manquent (%3). Somme des %4 éléments saisis : %5 (partielle, pas un total&#x202f;; les éléments manquants ne sont jamais complétés).</translation>
    </message>
    <message>
        <source>item %1 (%2)</source>
        <translation>élément %1 (%2)</translation>
    </message>
    <message>
        <source>CMAS total %1 of %2: sum of the 14 item scores (%3).</source>
        <translation>Total CMAS %1 sur %2 : somme des scores des 14 éléments (%3).</translation>
    </message>
    <message>
        <source>CMAS items without a score: %1</source>
        <translation>Éléments du CMAS sans score : %1</translation>
    </message>
    <message>
        <source>incomplete: %1</source>
        <translation>incomplet : %1</translation>
    </message>
    <message>
        <source>items missing</source>
        <translation>éléments manquants</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands not graded; other items %1 of %2</source>
        <translation>papules de Gottron sur les mains non cotées&#x202f;; autres éléments %1 sur %2</translation>
    </message>
    <message>
        <source>%1 item not graded</source>
        <translation>%1 élément non coté</translation>
    </message>
    <message>
        <source>%1 items not graded</source>
        <translation>%1 éléments non cotés</translation>
    </message>
    <message>
        <source>MMT8 (%1, 0-%2)</source>
        <translation>MMT8 (%1, 0-%2)</translation>
    </message>
    <message>
        <source>unilateral</source>
        <translation>unilatéral</translation>
    </message>
    <message>
        <source>bilateral</source>
        <translation>bilatéral</translation>
    </message>
    <message>
        <source>MMT8 variant must be &apos;unilateral&apos; (0-80) or &apos;bilateral&apos; (0-150); %1 was entered.</source>
        <translation>La variante du MMT8 doit être « unilateral » (0-80) ou « bilateral » (0-150)&#x202f;; %1 a été saisi.</translation>
    </message>
    <message>
        <source>%1: side tested must be right or left; %2 was entered.</source>
        <translation>%1 : le côté testé doit être droit ou gauche&#x202f;; %2 a été saisi.</translation>
    </message>
    <message>
        <source>MMT8: %1 is not a muscle group tested on one side; choose one of: %2.</source>
        <translation>MMT8 : %1 n&apos;est pas un groupe musculaire testé d&apos;un seul côté&#x202f;; choisissez parmi : %2.</translation>
    </message>
    <message>
        <source>MMT8: sides are recorded only for the unilateral variant; the bilateral variant has its own right and left fields.</source>
        <translation>MMT8 : les côtés ne sont consignés que pour la variante unilatérale&#x202f;; la variante bilatérale a ses propres champs droit et gauche.</translation>
    </message>
    <message>
        <source>%1 total not computed: %2</source>
        <translation>Total %1 non calculé : %2</translation>
    </message>
    <message>
        <source>%1 total not computed: %2 of %3 muscle grades missing (%4). Sum of the grades entered: %5 (partial, not a total; missing grades are never filled in).</source>
        <translation>Total %1 non calculé : %2 des %3 cotes musculaires manquent (%4). Somme des cotes saisies : %5 (partielle, pas un total&#x202f;; les cotes manquantes ne sont jamais complétées).</translation>
    </message>
    <message>
        <source>%1 total %2 of %3: sum of %4 muscle grades.</source>
        <translation>Total %1 : %2 sur %3, somme de %4 cotes musculaires.</translation>
    </message>
    <message>
        <source>Left side tested for: %1.</source>
        <translation>Côté gauche testé pour : %1.</translation>
    </message>
    <message>
        <source>MMT8 totals cannot be compared: baseline is %1 (0-%2) and follow-up is %3 (0-%4). Use the same variant at every visit.</source>
        <translation>Les totaux du MMT8 ne peuvent pas être comparés : la visite initiale est en %1 (0-%2) et le suivi en %3 (0-%4). Utilisez la même variante à chaque visite.</translation>
    </message>
    <message>
        <source>MMT8 totals cannot be compared: the baseline total is incomplete.</source>
        <translation>Les totaux du MMT8 ne peuvent pas être comparés : le total de la visite initiale est incomplet.</translation>
    </message>
    <message>
        <source>MMT8 totals cannot be compared: the follow-up total is incomplete.</source>
        <translation>Les totaux du MMT8 ne peuvent pas être comparés : le total du suivi est incomplet.</translation>
    </message>
    <message>
        <source>MMT8 totals cannot be compared: the baseline and follow-up total is incomplete.</source>
        <translation>Les totaux du MMT8 ne peuvent pas être comparés : les totaux de la visite initiale et du suivi sont incomplets.</translation>
    </message>
    <message>
        <source>MMT8 (%1) change: %2 - %3 = %4.</source>
        <translation>Variation du MMT8 (%1) : %2 - %3 = %4.</translation>
    </message>
    <message>
        <source>MMT8 groups without a grade: %1</source>
        <translation>Groupes du MMT8 sans cote : %1</translation>
    </message>
    <message>
        <source>the last visit</source>
        <translation>la dernière visite</translation>
    </message>
    <message>
        <source>within the protocol rule</source>
        <translation>conforme à la règle du protocole</translation>
    </message>
    <message>
        <source>worse</source>
        <translation>pire</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
</context>
<context>
    <name>Instrument translation notice</name>
    <message>
        <source>These CHAQ questions and answers are this application&apos;s own translation, not the validated French version of the CHAQ; no clinician has checked them. Where the clinic holds the validated paper form, collect the answers on it.</source>
        <translation>Ces questions et réponses du CHAQ sont une traduction faite pour cette application, et non la version française validée du CHAQ&#x202f;; aucun clinicien ne les a vérifiées. Si la clinique dispose du formulaire papier validé, recueillez les réponses avec celui-ci.</translation>
    </message>
    <message>
        <source>Published French versions of the CHAQ (France, Switzerland), not used here: %1</source>
        <translation>Versions françaises publiées du CHAQ (France, Suisse), non utilisées ici&#xa0;: %1</translation>
    </message>
    <message>
        <source>The CMAS items and grades here are this application&apos;s own translation; no clinician has checked them.</source>
        <translation>Les items et les cotes du CMAS sont ici une traduction faite pour cette application&#x202f;; aucun clinicien ne les a vérifiés.</translation>
    </message>
    <message>
        <source>The MMT8 muscle groups and grades here are this application&apos;s own translation; no clinician has checked them.</source>
        <translation>Les groupes musculaires et les cotes du MMT8 sont ici une traduction faite pour cette application&#x202f;; aucun clinicien ne les a vérifiés.</translation>
    </message>
    <message>
        <source>The skin findings and their answers here are this application&apos;s own translation; no clinician has checked them.</source>
        <translation>Les signes cutanés et leurs réponses sont ici une traduction faite pour cette application&#x202f;; aucun clinicien ne les a vérifiés.</translation>
    </message>
    <message>
        <source>The CDASI areas, measures and grades here are this application&apos;s own translation; no clinician has checked them.</source>
        <translation>Les régions, les mesures et les cotes du CDASI sont ici une traduction faite pour cette application&#x202f;; aucun clinicien ne les a vérifiées.</translation>
    </message>
    <message>
        <source>The global assessments&apos; questions and anchors here are this application&apos;s own translation; no clinician has checked them.</source>
        <translation>Les questions et les ancres des évaluations globales sont ici une traduction faite pour cette application&#x202f;; aucun clinicien ne les a vérifiées.</translation>
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
    <name>LockCover</name>
    <message>
        <source>jdm-ctp is locked. Unlock it in the main window.</source>
        <translation>jdm-ctp est verrouillé. Déverrouillez-le dans la fenêtre principale.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;jdm-ctp is locked&lt;/h2&gt;&lt;p&gt;Signed in: %1&lt;/p&gt;&lt;p&gt;Enter your password to continue.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;jdm-ctp est verrouillé&lt;/h2&gt;&lt;p&gt;Personne connectée : %1&lt;/p&gt;&lt;p&gt;Entrez votre mot de passe pour continuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
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
        <translation>Le fichier de la base de données est chiffré au repos (SQLCipher)&#x202f;; ses sauvegardes aussi.</translation>
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
        <translation>Anglais ou français&#x202f;; la langue de l&apos;ordinateur par défaut.</translation>
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
    <message numerus="yes">
        <source>%n protocol file(s) refused — see Tools → Treatment plans</source>
        <translation>
            <numerusform>%n fichier de plan refusé — voir Outils → Plans de traitement</numerusform>
            <numerusform>%n fichiers de plan refusés — voir Outils → Plans de traitement</numerusform>
        </translation>
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
        <source>No eligible screening to enroll from (or the patient is already enrolled). Screen the patient first.</source>
        <translation>Aucune évaluation d&apos;admissibilité favorable à partir de laquelle inscrire le patient (ou il est déjà inscrit). Évaluez d&apos;abord l&apos;admissibilité du patient.</translation>
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
        <source>A new encrypted database was created at %1.</source>
        <translation>Une nouvelle base de données chiffrée a été créée à %1.</translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now stored unencrypted (%n rows checked).</source>
        <translation>
            <numerusform>La base de données %1 est maintenant enregistrée sans chiffrement (%n ligne vérifiée).</numerusform>
            <numerusform>La base de données %1 est maintenant enregistrée sans chiffrement (%n lignes vérifiées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now encrypted with the new passphrase (%n rows checked).</source>
        <translation>
            <numerusform>La base de données %1 est maintenant chiffrée avec la nouvelle phrase de passe (%n ligne vérifiée).</numerusform>
            <numerusform>La base de données %1 est maintenant chiffrée avec la nouvelle phrase de passe (%n lignes vérifiées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The database %1 is now encrypted (%n rows checked).</source>
        <translation>
            <numerusform>La base de données %1 est maintenant chiffrée (%n ligne vérifiée).</numerusform>
            <numerusform>La base de données %1 est maintenant chiffrée (%n lignes vérifiées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier backup(s) of it are NOT encrypted: %1. Delete them or keep them somewhere as safe as the database.</source>
        <translation>
            <numerusform>%n sauvegarde antérieure de celle-ci n&apos;est PAS chiffrée : %1. Supprimez-la ou conservez-la dans un endroit aussi sûr que la base de données.</numerusform>
            <numerusform>%n sauvegardes antérieures de celle-ci ne sont PAS chiffrées : %1. Supprimez-les ou conservez-les dans un endroit aussi sûr que la base de données.</numerusform>
        </translation>
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
        <translation>Les sauvegardes faites ici visent le fichier local de la base de données&#x202f;; une base de données sur serveur est sauvegardée par son administrateur.</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Sauvegarde écrite dans %1.</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>Sauvegarde annulée&#x202f;; aucun fichier n&apos;a été écrit.</translation>
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
        <source>The backup could not be written: %1</source>
        <comment>technical detail</comment>
        <translation>La sauvegarde n&apos;a pas pu être écrite (détail technique : %1)</translation>
    </message>
    <message>
        <source>Server databases are backed up on the server.</source>
        <translation>Les bases de données sur serveur sont sauvegardées sur le serveur.</translation>
    </message>
    <message>
        <source>The daily backup was saved to %1.</source>
        <translation>La sauvegarde quotidienne a été enregistrée dans %1.</translation>
    </message>
    <message>
        <source>The daily backup was saved to %1. It could not be recorded in the audit trail: %2</source>
        <translation>La sauvegarde quotidienne a été enregistrée dans %1. Elle n&apos;a pas pu être consignée au journal d&apos;audit (détail technique : %2).</translation>
    </message>
    <message>
        <source>The daily backup failed (%1); the database itself is unchanged. Use Tools → Back up now, or see the log.</source>
        <translation>La sauvegarde quotidienne a échoué (détail technique : %1) ; la base de données elle-même n&apos;a pas changé. Utilisez Outils → Sauvegarder maintenant, ou consultez le journal.</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>La sauvegarde quotidienne a échoué : %1</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <comment>technical detail</comment>
        <translation>La sauvegarde quotidienne a échoué (détail technique : %1)</translation>
    </message>
    <message>
        <source>Audit trail check failed</source>
        <translation>Échec de la vérification du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Folder of a jdm-ctp export</source>
        <translation>Dossier d&apos;une exportation jdm-ctp</translation>
    </message>
    <message>
        <source>Import rejected</source>
        <translation>Importation refusée</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée&#x202f;; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Importing… The whole folder is checked before anything is written.</source>
        <translation>Importation… Le dossier est vérifié en entier avant toute écriture.</translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Ouvrir le patient</translation>
    </message>
    <message>
        <source>No patient has the study id %1 any more.</source>
        <translation>Aucun patient n&apos;a plus l&apos;identifiant d&apos;étude %1.</translation>
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
        <translation>Le poids est obligatoire&#x202f;; rien n&apos;a été saisi.</translation>
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
        <translation>%1 doit être un nombre écrit avec un point pour les décimales (par exemple 20.5)&#x202f;; « %2 » a été saisi. La virgule est refusée : « 1,500 » pourrait signifier 1.5 ou 1500, et une dose n&apos;est jamais devinée.</translation>
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
        <source>Weight as read</source>
        <translation>Poids tel que lu</translation>
    </message>
    <message>
        <source>Height as read</source>
        <translation>Taille telle que lue</translation>
    </message>
    <message>
        <source>Weight</source>
        <comment>field name</comment>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Height</source>
        <comment>field name</comment>
        <translation>Taille</translation>
    </message>
</context>
<context>
    <name>MedicationsSection</name>
    <message>
        <source>Medications at this visit</source>
        <translation>Médicaments à cette visite</translation>
    </message>
    <message>
        <source>Weight today</source>
        <translation>Poids aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Height (needed for m²-based doses)</source>
        <translation>Taille (requise pour les doses en m²)</translation>
    </message>
    <message>
        <source>Unusual measurements</source>
        <translation>Mesures inhabituelles</translation>
    </message>
    <message>
        <source>I have checked this weight and height and they are right</source>
        <translation>J&apos;ai vérifié ce poids et cette taille, et ils sont exacts</translation>
    </message>
    <message>
        <source>Weight and height checked and right</source>
        <translation>Poids et taille vérifiés et exacts</translation>
    </message>
    <message>
        <source>%1: dose re-check for today&apos;s weight</source>
        <translation>%1 : revérification de la dose pour le poids d&apos;aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Monitoring on this arm: blood pressure and creatinine (seed 000, Table 2, Treatment C)</source>
        <translation>Surveillance dans ce bras : pression artérielle et créatinine (source 000, tableau 2, traitement C)</translation>
    </message>
    <message>
        <source>Blood pressure, systolic (mmHg)</source>
        <translation>Pression artérielle systolique (mmHg)</translation>
    </message>
    <message>
        <source>Blood pressure, diastolic (mmHg)</source>
        <translation>Pression artérielle diastolique (mmHg)</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>Créatinine</translation>
    </message>
    <message>
        <source>Blood pressure and creatinine (optional on this arm)</source>
        <translation>Pression artérielle et créatinine (facultatives dans ce bras)</translation>
    </message>
    <message>
        <source>Other medications (e.g. prednisone, methotrexate, hydroxychloroquine, IVIG)</source>
        <translation>Autres médicaments (p. ex. prednisone, méthotrexate, hydroxychloroquine, IgIV)</translation>
    </message>
    <message>
        <source>Choose the drug, unit and frequency from the lists. Anything typed instead is kept in this clinic&apos;s records; a de-identified export says only &quot;other&quot;.</source>
        <translation>Choisissez le médicament, l&apos;unité et la fréquence dans les listes. Ce qui est tapé à la place est conservé dans les dossiers de cette clinique&#x202f;; une exportation dépersonnalisée indique seulement « other » (autre).</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Add medication</source>
        <translation>Ajouter un médicament</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Retirer la sélection</translation>
    </message>
    <message>
        <source>Other (free text)</source>
        <translation>Autre (texte libre)</translation>
    </message>
    <message>
        <source>No arm</source>
        <translation>Aucun bras</translation>
    </message>
    <message>
        <source>Arm %1</source>
        <translation>Bras %1</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, ligne %2</translation>
    </message>
    <message>
        <source>The weight or height is far from what is usual for this child&apos;s age and sex. Check it; if it is right, tick the box under the weight and height.</source>
        <translation>Le poids ou la taille est très éloigné de ce qui est habituel pour l&apos;âge et le sexe de cet enfant. Vérifiez-le&#x202f;; s&apos;il est exact, cochez la case sous le poids et la taille.</translation>
    </message>
    <message>
        <source>Each other medication needs the drug&apos;s name.</source>
        <translation>Chaque autre médicament doit avoir le nom du médicament.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; : %2</translation>
    </message>
    <message>
        <source>%1: the prescribed dose is now OUTSIDE the protocol rule for today&apos;s weight. Review the prescription.</source>
        <translation>%1 : la dose prescrite est maintenant HORS de la règle du protocole pour le poids d&apos;aujourd&apos;hui. Révisez l&apos;ordonnance.</translation>
    </message>
    <message>
        <source>No arm drug to re-check.</source>
        <translation>Aucun médicament du bras à revérifier.</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>Poids %1</translation>
    </message>
    <message>
        <source>dose outside the protocol rule</source>
        <translation>dose hors de la règle du protocole</translation>
    </message>
    <message>
        <source>arm dose within the protocol rule</source>
        <translation>dose du bras conforme à la règle du protocole</translation>
    </message>
    <message>
        <source>Prompted on this arm, not yet entered: %1</source>
        <translation>Demandé dans ce bras, pas encore saisi : %1</translation>
    </message>
    <message>
        <source>dose flag</source>
        <translation>dose signalée</translation>
    </message>
    <message>
        <source>no weight</source>
        <translation>aucun poids</translation>
    </message>
    <message>
        <source>Dose of %1</source>
        <translation>Dose de %1</translation>
    </message>
</context>
<context>
    <name>MissingReasonsDialog</name>
    <message>
        <source>Not done</source>
        <translation>Non fait</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Required items not entered</source>
        <translation>Éléments requis non saisis</translation>
    </message>
    <message numerus="yes">
        <source>%n required item(s) blank. Enter them in the form, or give a reason for each to mark the visit complete.</source>
        <translation>
            <numerusform>%n élément requis est vide. Saisissez-le dans le formulaire, ou donnez un motif pour marquer la visite comme complète.</numerusform>
            <numerusform>%n éléments requis sont vides. Saisissez-les dans le formulaire, ou donnez un motif pour chacun pour marquer la visite comme complète.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set all to:</source>
        <translation>Tout mettre à :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marquer comme complète</translation>
    </message>
    <message>
        <source>Give a reason for every item, or cancel and enter the values.</source>
        <translation>Donnez un motif pour chaque élément, ou annulez et saisissez les valeurs.</translation>
    </message>
</context>
<context>
    <name>Mmt8Section</name>
    <message>
        <source>Manual muscle testing (MMT8), Kendall 0-10</source>
        <translation>Examen musculaire manuel (MMT8), Kendall 0-10</translation>
    </message>
    <message>
        <source>Unilateral (right side), total 0-80</source>
        <translation>Unilatéral (côté droit), total 0-80</translation>
    </message>
    <message>
        <source>Bilateral (neck flexors + both sides), total 0-150</source>
        <translation>Bilatéral (fléchisseurs du cou + deux côtés), total 0-150</translation>
    </message>
    <message>
        <source>&lt;b&gt;Muscle group&lt;/b&gt;</source>
        <translation>&lt;b&gt;Groupe musculaire&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unilateral&lt;/b&gt;</source>
        <translation>&lt;b&gt;Unilatéral&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Right&lt;/b&gt;</source>
        <translation>&lt;b&gt;Droite&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Left&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gauche&lt;/b&gt;</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>Kendall scale: %1.</source>
        <translation>Échelle de Kendall : %1.</translation>
    </message>
    <message>
        <source>unilateral</source>
        <translation>unilatéral</translation>
    </message>
    <message>
        <source>bilateral</source>
        <translation>bilatéral</translation>
    </message>
    <message>
        <source>&lt;b&gt;MMT8 (%1) total %2 / %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;MMT8 (%1) total %2 / %3&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;MMT8 total not computed&lt;/b&gt;: %n grade(s) to correct.</source>
        <translation>
            <numerusform>&lt;b&gt;Total MMT8 non calculé&lt;/b&gt; : %n cote à corriger.</numerusform>
            <numerusform>&lt;b&gt;Total MMT8 non calculé&lt;/b&gt; : %n cotes à corriger.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Incomplete&lt;/b&gt;: %1 of %2 grades missing; sum entered %3 (partial, not a total).</source>
        <translation>&lt;b&gt;Incomplet&lt;/b&gt; : %1 cotes sur %2 manquantes&#x202f;; somme saisie %3 (partielle, pas un total).</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>incomplet</translation>
    </message>
</context>
<context>
    <name>MriSection</name>
    <message>
        <source>Muscle MRI (baseline, if done)</source>
        <translation>IRM musculaire (visite initiale, si faite)</translation>
    </message>
    <message>
        <source>Active myositis on MRI</source>
        <translation>Myosite active à l&apos;IRM</translation>
    </message>
    <message>
        <source>MRI done?</source>
        <translation>IRM faite&#x202f;?</translation>
    </message>
    <message>
        <source>Date of MRI</source>
        <translation>Date de l&apos;IRM</translation>
    </message>
    <message>
        <source>Active myositis on MRI?</source>
        <translation>Myosite active à l&apos;IRM&#x202f;?</translation>
    </message>
    <message>
        <source>MRI done on %1</source>
        <translation>IRM faite le %1</translation>
    </message>
    <message>
        <source>MRI done</source>
        <translation>IRM faite</translation>
    </message>
    <message>
        <source>active myositis: %1</source>
        <translation>myosite active : %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>MRI not done.</source>
        <translation>IRM non faite.</translation>
    </message>
    <message>
        <source>Say whether an MRI was done.</source>
        <translation>Indiquez si une IRM a été faite.</translation>
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
    <name>Number entry</name>
    <message>
        <source>%1 must be a number written with a point for decimals (for example 20.5); &quot;%2&quot; was entered.</source>
        <translation>%1 doit être un nombre écrit avec un point pour les décimales (par exemple 20.5)&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; could mean %3 or %4 (a comma before three digits can separate thousands); write %4 for the whole number, or %5 with a point for the decimal.</source>
        <translation>%1 : « %2 » pourrait valoir %3 ou %4 (une virgule suivie de trois chiffres peut séparer les milliers) ; écrivez %4 pour le nombre entier, ou %5 avec un point pour la décimale.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has both a point and a comma; write the number with one decimal mark and no thousands separator (for example 1500.5).</source>
        <translation>%1 : « %2 » a à la fois un point et une virgule ; écrivez le nombre avec une seule marque décimale et sans séparateur de milliers (par exemple 1500,5).</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has more than one comma; write the number with one decimal mark and no thousands separator (for example 1500.5).</source>
        <translation>%1 : « %2 » a plus d’une virgule ; écrivez le nombre avec une seule marque décimale et sans séparateur de milliers (par exemple 1500,5).</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4; %5 was entered.</source>
        <translation>%1 doit être entre %2 et %3 %4&#x202f;; %5 a été saisi.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 %4 (%5 to %6 %7); %8 was entered.</source>
        <translation>%1 doit être entre %2 et %3 %4 (%5 à %6 %7)&#x202f;; %8 a été saisi.</translation>
    </message>
    <message>
        <source>%1: enter a number; &quot;%2&quot; was entered.</source>
        <translation>%1 : entrez un nombre&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>%1: must be at least %2; %3 was entered.</source>
        <translation>%1 : doit être d&apos;au moins %2&#x202f;; %3 a été saisi.</translation>
    </message>
    <message>
        <source>%1: must be at most %2; %3 was entered.</source>
        <translation>%1 : doit être d&apos;au plus %2&#x202f;; %3 a été saisi.</translation>
    </message>
</context>
<context>
    <name>Outcome row</name>
    <message>
        <source>%1 (0-10 cm)</source>
        <translation>%1 (0-10 cm)</translation>
    </message>
    <message>
        <source>%1 (× ULN)</source>
        <translation>%1 (× LSN)</translation>
    </message>
    <message>
        <source>CMAS total</source>
        <translation>Total CMAS</translation>
    </message>
    <message>
        <source>CHAQ disability index (0-%1)</source>
        <translation>Indice d&apos;incapacité du CHAQ (0-%1)</translation>
    </message>
    <message>
        <source>CHAQ pain (0-10 cm)</source>
        <translation>Douleur CHAQ (0-10 cm)</translation>
    </message>
    <message>
        <source>MMT8 total (unilateral)</source>
        <translation>Total MMT8 (unilatéral)</translation>
    </message>
    <message>
        <source>MMT8 total (bilateral)</source>
        <translation>Total MMT8 (bilatéral)</translation>
    </message>
    <message>
        <source>Oral prednisone-equivalent dose (mg/day)</source>
        <translation>Dose orale en équivalent prednisone (mg/jour)</translation>
    </message>
    <message>
        <source>CDASI activity (provisional)</source>
        <translation>Activité CDASI (provisoire)</translation>
    </message>
</context>
<context>
    <name>PDF</name>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Body surface area</source>
        <translation>Surface corporelle</translation>
    </message>
    <message>
        <source>BSA formula</source>
        <translation>Formule de la SC</translation>
    </message>
    <message>
        <source>weight measured on</source>
        <translation>date de la pesée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Route / frequency</source>
        <translation>Voie / fréquence</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Rule and derivation</source>
        <translation>Règle et calcul</translation>
    </message>
    <message>
        <source>dose entered by hand, not computed</source>
        <translation>dose saisie à la main, non calculée</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Protocol maximum</source>
        <translation>Maximum du protocole</translation>
    </message>
    <message>
        <source>APPLIED: the computed dose was capped</source>
        <translation>APPLIQUÉ : la dose calculée a été plafonnée</translation>
    </message>
    <message>
        <source>not applied (the computed dose was not above it)</source>
        <translation>non appliqué (la dose calculée ne le dépassait pas)</translation>
    </message>
    <message>
        <source>Computed dose</source>
        <translation>Dose calculée</translation>
    </message>
    <message>
        <source>FINAL DOSE</source>
        <translation>DOSE FINALE</translation>
    </message>
    <message>
        <source>Reason final differs</source>
        <translation>Motif de l’écart de la dose finale</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>aucun motif consigné</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Dosing sheet (pharmacy)</source>
        <translation>Feuille de posologie (pharmacie)</translation>
    </message>
    <message>
        <source>%1 kg on %2</source>
        <translation>%1 kg le %2</translation>
    </message>
    <message>
        <source>Site / clinic</source>
        <translation>Site / clinique</translation>
    </message>
    <message>
        <source>Study ID</source>
        <translation>Identifiant d&apos;étude</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Treatment arm</source>
        <translation>Bras de traitement</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Latest weight</source>
        <translation>Dernier poids</translation>
    </message>
    <message>
        <source>No active prescriptions at this visit.</source>
        <translation>Aucune prescription active à cette visite.</translation>
    </message>
    <message>
        <source>Check: weight date is recent, the final dose does not exceed the protocol maximum, and any difference from the computed dose has a reason.</source>
        <translation>Vérifier : le poids est récent, la dose finale ne dépasse pas le maximum du protocole et tout écart avec la dose calculée a un motif.</translation>
    </message>
    <message>
        <source>Pharmacist check: name ____________________  date/time ________________  signature ____________________</source>
        <translation>Vérification du pharmacien : nom ____________________  date/heure ________________  signature ____________________</translation>
    </message>
    <message>
        <source>Dosing sheet %1 %2</source>
        <translation>Feuille de posologie %1 %2</translation>
    </message>
    <message>
        <source>Dosing sheet</source>
        <translation>Feuille de posologie</translation>
    </message>
    <message>
        <source>PROVISIONAL — verify against the published plan.</source>
        <translation>PROVISOIRE — à vérifier dans le plan publié.</translation>
    </message>
    <message>
        <source>Audit trail: empty</source>
        <translation>Journal d&apos;audit : vide</translation>
    </message>
    <message>
        <source>Audit trail head: entry %1, SHA-256 %2</source>
        <translation>Tête du journal d&apos;audit : entrée %1, SHA-256 %2</translation>
    </message>
    <message>
        <source>Signed electronically (password re-entered)</source>
        <translation>Signé électroniquement (mot de passe ressaisi)</translation>
    </message>
    <message>
        <source>NOT VALID: %1</source>
        <translation>NON VALIDE : %1</translation>
    </message>
    <message>
        <source>Signed by (name)</source>
        <translation>Signé par (nom)</translation>
    </message>
    <message>
        <source>Date / time</source>
        <translation>Date / heure</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>CONFIDENTIAL: contains patient information</source>
        <translation>CONFIDENTIEL : contient des renseignements sur le patient</translation>
    </message>
    <message>
        <source>Generated %1 · jdm-ctp %2 · %3</source>
        <translation>Produit le %1 · jdm-ctp %2 · %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 de %2</translation>
    </message>
    <message>
        <source>%1 (version %2%3)</source>
        <translation>%1 (version %2%3)</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>non fait</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>not inactive</source>
        <translation>non inactive</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>indéterminé</translation>
    </message>
    <message>
        <source>improved</source>
        <translation>amélioration</translation>
    </message>
    <message>
        <source>not improved</source>
        <translation>pas d’amélioration</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minime</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>major</source>
        <translation>majeure</translation>
    </message>
    <message>
        <source>arm</source>
        <translation>bras</translation>
    </message>
    <message>
        <source>concomitant</source>
        <translation>concomitant</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>dose</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>category not recorded</source>
        <translation>catégorie non consignée</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>minimal response</source>
        <translation>réponse minime</translation>
    </message>
    <message>
        <source>moderate response</source>
        <translation>réponse modérée</translation>
    </message>
    <message>
        <source>major response</source>
        <translation>réponse majeure</translation>
    </message>
    <message>
        <source>Disease onset / diagnosis</source>
        <translation>Début de la maladie / diagnostic</translation>
    </message>
    <message>
        <source>Disease duration at enrollment</source>
        <translation>Durée de la maladie à l&apos;inscription</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 mois</translation>
    </message>
    <message>
        <source>Race, ethnicity (self-reported)</source>
        <translation>Race, ethnicité (déclarées)</translation>
    </message>
    <message>
        <source>Why this arm</source>
        <translation>Pourquoi ce bras</translation>
    </message>
    <message>
        <source>arm %1 on %2: %3</source>
        <translation>bras %1 le %2 : %3</translation>
    </message>
    <message>
        <source>Treatment stopped or changed</source>
        <translation>Traitement arrêté ou changé</translation>
    </message>
    <message>
        <source>Infusions given to this visit</source>
        <translation>Perfusions données jusqu&apos;à cette visite</translation>
    </message>
    <message>
        <source>%1 (last %2)</source>
        <translation>%1 (dernière le %2)</translation>
    </message>
    <message>
        <source>(%1 to %2)</source>
        <translation>(du %1 au %2)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Date de la visite</translation>
    </message>
    <message>
        <source>Due (window)</source>
        <translation>Prévue (fenêtre)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Current doses</source>
        <translation>Doses actuelles</translation>
    </message>
    <message>
        <source>No active prescriptions.</source>
        <translation>Aucune prescription active.</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dose donnée</translation>
    </message>
    <message>
        <source>How it was computed</source>
        <translation>Comment elle a été calculée</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>saisie à la main</translation>
    </message>
    <message>
        <source>protocol maximum applied</source>
        <translation>maximum du protocole appliqué</translation>
    </message>
    <message>
        <source>computed %1 %2, final differs: %3</source>
        <translation>calculée %1 %2, la dose finale diffère : %3</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>This visit</source>
        <translation>Cette visite</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Visite initiale</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Outcomes (computed from the items; change = this visit − baseline)</source>
        <translation>Résultats (calculés à partir des items ; variation = cette visite − visite initiale)</translation>
    </message>
    <message>
        <source>Response criteria</source>
        <translation>Critères de réponse</translation>
    </message>
    <message>
        <source>; missing: %1</source>
        <translation> ; manquants : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;PRINTO clinically inactive disease:&lt;/b&gt; %1 (criteria met: %2%3; ≥ 3 of 4 needed). &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>&lt;b&gt;Maladie cliniquement inactive (PRINTO) :&lt;/b&gt; %1 (critères remplis : %2%3 ; ≥ 3 sur 4 requis). &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Baseline visit: improvement is measured against this visit.</source>
        <translation>Visite initiale : l&apos;amélioration est mesurée par rapport à cette visite.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total Improvement Score:&lt;/b&gt; not computed — %1</source>
        <translation>&lt;b&gt;Score total d&apos;amélioration (TIS) :&lt;/b&gt; non calculé — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Total Improvement Score: %1 / 100 — %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Score total d&apos;amélioration (TIS) : %1 / 100 — %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>[PROVISIONAL]</source>
        <translation>[PROVISOIRE]</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <source>% change</source>
        <translation>% de variation</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Palier</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Provisional: the percent-change rule is not yet confirmed (%1). &lt;i&gt;%2&lt;/i&gt;</source>
        <translation>Provisoire : la règle du pourcentage de variation n&apos;est pas encore confirmée (%1). &lt;i&gt;%2&lt;/i&gt;</translation>
    </message>
    <message>
        <source>No baseline visit data: response criteria cannot be computed.</source>
        <translation>Aucune donnée de visite initiale : les critères de réponse ne peuvent pas être calculés.</translation>
    </message>
    <message>
        <source>&lt;b&gt;IMACS definition of improvement:&lt;/b&gt; %1 (improved ≥ 20%: %2; worse ≥ 25%: %3). &lt;i&gt;%4&lt;/i&gt;</source>
        <translation>&lt;b&gt;Définition de l&apos;amélioration IMACS :&lt;/b&gt; %1 (amélioration ≥ 20 % : %2 ; aggravation ≥ 25 % : %3). &lt;i&gt;%4&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Fewer than 2 values: no trend drawn.</source>
        <translation>Moins de 2 valeurs : pas de tendance tracée.</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>BL</source>
        <translation>VI</translation>
    </message>
    <message>
        <source>CMAS (0-52)</source>
        <translation>CMAS (0-52)</translation>
    </message>
    <message>
        <source>CHAQ DI (0-3)</source>
        <translation>CHAQ II (0-3)</translation>
    </message>
    <message>
        <source>MMT8 (0-80)</source>
        <translation>MMT8 (0-80)</translation>
    </message>
    <message>
        <source>Physician global (cm)</source>
        <translation>Global médecin (cm)</translation>
    </message>
    <message>
        <source>Trends in this enrollment</source>
        <translation>Évolution depuis l’inscription</translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation>Autres constatations</translation>
    </message>
    <message>
        <source>Not scored: %1</source>
        <translation>Non calculé : %1</translation>
    </message>
    <message>
        <source>Missing items</source>
        <translation>Items manquants</translation>
    </message>
    <message>
        <source>None: every item recorded.</source>
        <translation>Aucun : tous les items sont consignés.</translation>
    </message>
    <message>
        <source>Missing items (with the reason recorded)</source>
        <translation>Items manquants (avec le motif consigné)</translation>
    </message>
    <message>
        <source>not computable</source>
        <translation>non calculable</translation>
    </message>
    <message>
        <source>%1 mg (mg/kg: no weight)</source>
        <translation>%1 mg (mg/kg : pas de poids)</translation>
    </message>
    <message>
        <source>%1 mg (%2 mg/kg)</source>
        <translation>%1 mg (%2 mg/kg)</translation>
    </message>
    <message>
        <source>From %1 to %2: oral prednisone-equivalent %3; IV methylprednisolone %4; total as prednisone %5.</source>
        <translation>Du %1 au %2 : équivalent prednisone par voie orale %3 ; méthylprednisolone IV %4 ; total en prednisone %5.</translation>
    </message>
    <message>
        <source>Provisional rule: each visit&apos;s oral dose until the next visit; pulses as recorded since the last visit; %1.</source>
        <translation>Règle provisoire : la dose orale de chaque visite jusqu&apos;à la visite suivante ; les bolus tels que consignés depuis la dernière visite ; %1.</translation>
    </message>
    <message>
        <source>Missing: %1.</source>
        <translation>Manquant : %1.</translation>
    </message>
    <message>
        <source>Cumulative steroid exposure</source>
        <translation>Exposition cumulée aux corticostéroïdes</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Événements indésirables</translation>
    </message>
    <message>
        <source>None reported at this visit.</source>
        <translation>Aucun signalé à cette visite.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>Grave</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Severity (CTCAE)</source>
        <translation>Gravité (CTCAE)</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>JDM visit summary — %1</source>
        <translation>Résumé de visite DMJ — %1</translation>
    </message>
    <message>
        <source>Visit summary %1 %2</source>
        <translation>Résumé de visite %1 %2</translation>
    </message>
    <message>
        <source>Visit summary</source>
        <translation>Résumé de visite</translation>
    </message>
    <message>
        <source>JDM visit worksheet — %1</source>
        <translation>Feuille de travail de visite DMJ — %1</translation>
    </message>
    <message>
        <source>(window %1 to %2)</source>
        <translation>(fenêtre du %1 au %2)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>Rempli par</translation>
    </message>
    <message>
        <source>Record each item; leave nothing blank — if an item is not done, write the reason (not done / not applicable / unknown) beside it. Enter the values in jdm-ctp after the visit; totals are computed there.</source>
        <translation>Consignez chaque item ; ne laissez rien en blanc — si un item n&apos;est pas fait, écrivez le motif (non fait / sans objet / inconnu) à côté. Saisissez les valeurs dans jdm-ctp après la visite ; les totaux y sont calculés.</translation>
    </message>
    <message>
        <source>Visit worksheet %1 %2</source>
        <translation>Feuille de travail %1 %2</translation>
    </message>
    <message>
        <source>Visit worksheet</source>
        <translation>Feuille de travail</translation>
    </message>
    <message>
        <source>Aggregate report: counts and statistics by arm, no names or study ids</source>
        <translation>Rapport agrégé : effectifs et statistiques par bras, sans noms ni identifiants d&apos;étude</translation>
    </message>
    <message>
        <source>Outcomes by arm — %1</source>
        <translation>Résultats par bras — %1</translation>
    </message>
    <message>
        <source>SMD %1</source>
        <translation>DMS %1</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 contre %2</translation>
    </message>
    <message>
        <source>%1 enrollments; arms: %2</source>
        <translation>%1 inscriptions ; bras : %2</translation>
    </message>
    <message>
        <source>Cohort outcomes by arm (aggregate, no patient identifiers)</source>
        <translation>Résultats de la cohorte par bras (agrégés, sans identifiants de patient)</translation>
    </message>
    <message>
        <source>%1. %2 entries. Printed %3.</source>
        <translation>%1. Entrées : %2. Imprimé le %3.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>%1 — identified data, keep confidential</source>
        <translation>%1 — données identifiées, à garder confidentielles</translation>
    </message>
    <message>
        <source>As recorded, in English: %1</source>
        <translation>Tel que consigné, en anglais : %1</translation>
    </message>
    <message>
        <source>References are cited as published, in English.</source>
        <translation>Les références sont citées telles que publiées, en anglais.</translation>
    </message>
</context>
<context>
    <name>Passphrase check</name>
    <message>
        <source>The database passphrase must be at least %1 characters long. A short sentence is easy to remember and hard to guess.</source>
        <translation>La phrase de passe de la base de données doit compter au moins %1 caractères. Une courte phrase est facile à retenir et difficile à deviner.</translation>
    </message>
    <message>
        <source>The database passphrase must be at most %1 characters.</source>
        <translation>La phrase de passe de la base de données doit compter au plus %1 caractères.</translation>
    </message>
    <message>
        <source>The database passphrase cannot begin or end with a space: it would be too easy to lose when typed again.</source>
        <translation>La phrase de passe de la base de données ne peut ni commencer ni finir par une espace : elle serait trop facile à perdre en la tapant de nouveau.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same; type them again.</source>
        <translation>Les deux phrases de passe ne sont pas identiques&#x202f;; tapez-les de nouveau.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>La nouvelle phrase de passe est identique à la phrase de passe actuelle.</translation>
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
        <source>Site</source>
        <translation>Site</translation>
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
        <source>Stud&amp;y id</source>
        <translation>&amp;Identifiant d&apos;étude</translation>
    </message>
    <message>
        <source>Disease &amp;onset (optional)</source>
        <translation>Début de la ma&amp;ladie (facultatif)</translation>
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
        <translation>Et&amp;hnicité (facultatif)</translation>
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
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Derivation as recorded, in English:</source>
        <translation>Dérivation telle que consignée, en anglais :</translation>
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
        <source>Change &amp;arm…</source>
        <translation>Changer de &amp;bras…</translation>
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
        <source>%1 (withdrawn)</source>
        <translation>%1 (sorti de l&apos;étude)</translation>
    </message>
    <message>
        <source>%1 (completed)</source>
        <translation>%1 (terminé)</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation> (en retard)</translation>
    </message>
</context>
<context>
    <name>PatientsBehind</name>
    <message numerus="yes">
        <source>%n patient(s)</source>
        <translation>
            <numerusform>%n patient</numerusform>
            <numerusform>%n patients</numerusform>
        </translation>
    </message>
    <message>
        <source>Open patient</source>
        <translation>Ouvrir le patient</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Visit summary</source>
        <translation>Résumé de visite</translation>
    </message>
    <message>
        <source>Blank worksheet</source>
        <translation>Feuille de recueil vierge</translation>
    </message>
    <message>
        <source>Dosing sheet</source>
        <translation>Feuille de posologie</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>No preview available on this computer: use “Open in PDF viewer” to see and print the document.</source>
        <translation>Aucun aperçu possible sur cet ordinateur&#x202f;: utilisez « Ouvrir dans le lecteur PDF » pour voir et imprimer le document.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>Ouvrir dans le lecteur PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#x202f;: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré&#x202f;: %1</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Impossible d&apos;ouvrir l&apos;imprimante.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>%n page envoyée à l&apos;imprimante.</numerusform>
            <numerusform>%n pages envoyées à l&apos;imprimante.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Plan file</name>
    <message>
        <source>the file is not UTF-8 text (%1)</source>
        <translation>le fichier n&apos;est pas du texte UTF-8 (%1)</translation>
    </message>
    <message>
        <source>TOML syntax error: %1</source>
        <translation>erreur de syntaxe TOML : %1</translation>
    </message>
    <message>
        <source>lists or tables are nested too deeply (more than %1 levels)</source>
        <translation>listes ou tables imbriquées trop profondément (plus de %1 niveaux)</translation>
    </message>
    <message>
        <source>not a regular file (%1); only regular files are read</source>
        <translation>pas un fichier ordinaire (%1) ; seuls les fichiers ordinaires sont lus</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>impossible de lire le fichier : %1</translation>
    </message>
    <message>
        <source>the file is larger than %1 bytes (1 MiB)</source>
        <translation>le fichier dépasse %1 octets (1 Mio)</translation>
    </message>
    <message>
        <source>cannot list the folder: %1</source>
        <translation>impossible de lister le dossier : %1</translation>
    </message>
    <message>
        <source>the loader failed on this file (%1); the other files are unaffected; please report it</source>
        <translation>le chargement a échoué sur ce fichier (%1) ; les autres fichiers ne sont pas touchés ; veuillez le signaler</translation>
    </message>
    <message>
        <source>protocol id &quot;%1&quot; is already defined by %2 in the same folder</source>
        <translation>l&apos;identifiant de protocole « %1 » est déjà défini par %2 dans le même dossier</translation>
    </message>
    <message>
        <source>&quot;%1&quot; version &quot;%2&quot; is the shipped plan (%3); a site file may not reuse a shipped plan&apos;s id and version: give the site plan its own version</source>
        <translation>« %1 » version « %2 » est le plan livré (%3) ; un fichier du site ne peut pas reprendre l&apos;identifiant et la version d&apos;un plan livré : donnez au plan du site sa propre version</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>un tube nommé (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un périphérique</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a plain file</source>
        <translation>pas un fichier simple</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (allowed here: %2)</source>
        <translation>clé inconnue « %1 » (permises ici : %2)</translation>
    </message>
    <message>
        <source>is missing (required)</source>
        <translation>est absent (obligatoire)</translation>
    </message>
    <message>
        <source>is missing: this amount rises without limit with weight or body surface area, so it needs a cap (its maximum), or uncapped = true with uncapped_reason</source>
        <translation>est absent : cette quantité augmente sans limite avec le poids ou la surface corporelle&#x202f;; il faut donc un plafond (son maximum), ou uncapped = true avec uncapped_reason</translation>
    </message>
    <message>
        <source>a rule with a cap is not uncapped: keep one of them</source>
        <translation>une règle avec un plafond n&apos;est pas sans plafond : gardez l&apos;un des deux</translation>
    </message>
    <message>
        <source>is missing (say why this rule has no cap)</source>
        <translation>est absent (dites pourquoi cette règle n&apos;a pas de plafond)</translation>
    </message>
    <message>
        <source>given without uncapped = true</source>
        <translation>donné sans uncapped = true</translation>
    </message>
    <message>
        <source>a dose range is given only on a top-level rule</source>
        <translation>un intervalle de doses ne se donne que sur une règle de premier niveau</translation>
    </message>
    <message>
        <source>amount_max %1 must be above amount %2</source>
        <translation>amount_max %1 doit être supérieur à amount %2</translation>
    </message>
    <message>
        <source>a dose range cannot also be at_least</source>
        <translation>un intervalle de doses ne peut pas aussi être at_least</translation>
    </message>
    <message>
        <source>the cap (maximum) %1 is below the minimum %2</source>
        <translation>le plafond (maximum) %1 est inférieur au minimum %2</translation>
    </message>
    <message>
        <source>the cap %1 is below the fixed amount %2</source>
        <translation>le plafond %1 est inférieur à la quantité fixe %2</translation>
    </message>
    <message>
        <source>the minimum %1 is above the fixed amount %2</source>
        <translation>le minimum %1 est supérieur à la quantité fixe %2</translation>
    </message>
    <message>
        <source>%1 %2%3 is above %4 mg%3, the largest amount this application accepts in any plan (a bound for every drug, not this drug&apos;s dose)</source>
        <translation>%1 %2%3 est supérieur à %4 mg%3, la plus grande quantité que cette application accepte dans un plan (une limite pour tous les médicaments, pas la dose de ce médicament)</translation>
    </message>
    <message>
        <source>%1 %2%3 is below %4 mg%3, the smallest amount this application accepts in any plan (a bound for every drug, not this drug&apos;s dose)</source>
        <translation>%1 %2%3 est inférieur à %4 mg%3, la plus petite quantité que cette application accepte dans un plan (une limite pour tous les médicaments, pas la dose de ce médicament)</translation>
    </message>
</context>
<context>
    <name>Plan file key</name>
    <message>
        <source>must be a number, not %1</source>
        <translation>doit être un nombre, et non %1</translation>
    </message>
    <message>
        <source>must be an ordinary number</source>
        <translation>doit être un nombre ordinaire</translation>
    </message>
    <message>
        <source>must be greater than zero (found %1)</source>
        <translation>doit être supérieur à zéro (valeur trouvée : %1)</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>doit être un nombre entier, et non %1</translation>
    </message>
    <message>
        <source>must be at least %1 (found %2)</source>
        <translation>doit être d&apos;au moins %1 (valeur trouvée : %2)</translation>
    </message>
    <message>
        <source>this application reads %1 %2, not %3</source>
        <translation>cette application lit %1 %2, et non %3</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>doit valoir true ou false, et non %1</translation>
    </message>
    <message>
        <source>must be a list of text values</source>
        <translation>doit être une liste de valeurs textuelles</translation>
    </message>
    <message>
        <source>must be text, not %1</source>
        <translation>doit être du texte, et non %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid id (letters, digits, &quot;_&quot; or &quot;-&quot;; see the schema)</source>
        <translation>« %1 » n&apos;est pas un identifiant valide (lettres, chiffres, « _ » ou « - »&#x202f;; voir le schéma)</translation>
    </message>
    <message>
        <source>drug names are lower-case generic names (&quot;%1&quot;)</source>
        <translation>les noms de médicaments sont des noms génériques en minuscules (« %1 »)</translation>
    </message>
    <message>
        <source>must be a table, not %1</source>
        <translation>doit être une table, et non %1</translation>
    </message>
    <message>
        <source>must be a list of tables, not %1</source>
        <translation>doit être une liste de tables, et non %1</translation>
    </message>
    <message>
        <source>must be &quot;yes&quot;, &quot;no&quot;, &quot;unknown&quot; or a list of them</source>
        <translation>doit être « yes », « no », « unknown » ou une liste de ces valeurs</translation>
    </message>
    <message>
        <source>must be text, true/false, or a list of them</source>
        <translation>doit être du texte, true/false ou une liste de ces valeurs</translation>
    </message>
    <message>
        <source>max %1 is below min %2</source>
        <translation>max %1 est inférieur à min %2</translation>
    </message>
    <message>
        <source>is missing (say whether %1 is included)</source>
        <translation>est absent (préciser si %1 est inclus)</translation>
    </message>
    <message>
        <source>given without %1</source>
        <translation>donné sans %1</translation>
    </message>
    <message>
        <source>%1 %2 must be above %3 %4</source>
        <translation>%1 %2 doit être supérieur à %3 %4</translation>
    </message>
    <message>
        <source>a reason cannot both fail and allow</source>
        <translation>un motif ne peut figurer à la fois parmi les motifs d&apos;échec et les motifs permis</translation>
    </message>
    <message>
        <source>is missing (given with %1)</source>
        <translation>est absent (donné avec %1)</translation>
    </message>
    <message>
        <source>half_lives_max %1 is below half_lives_min %2</source>
        <translation>half_lives_max %1 est inférieur à half_lives_min %2</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>une valeur true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>une liste</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>une table</translation>
    </message>
    <message>
        <source>is missing (a &quot;choice&quot; field needs its choices)</source>
        <translation>est manquant (un champ « choice » a besoin de ses choix)</translation>
    </message>
    <message>
        <source>only a &quot;choice&quot; field has choices (this is &quot;%1&quot;)</source>
        <translation>seul un champ « choice » a des choix (celui-ci est « %1 »)</translation>
    </message>
    <message>
        <source>only a &quot;number&quot; field has min/max (this is &quot;%1&quot;)</source>
        <translation>seul un champ « number » a min/max (celui-ci est « %1 »)</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; rule has no %2</source>
        <translation>une règle « %1 » n&apos;a pas de %2</translation>
    </message>
    <message>
        <source>is missing (a &quot;%1&quot; rule needs an amount)</source>
        <translation>est manquant (une règle « %1 » a besoin d&apos;une quantité)</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; rule needs at least two sub-rules</source>
        <translation>une règle « %1 » a besoin d&apos;au moins deux sous-règles</translation>
    </message>
    <message>
        <source>a &quot;weight_bands&quot; rule needs at least one band</source>
        <translation>une règle « weight_bands » a besoin d&apos;au moins une tranche</translation>
    </message>
    <message>
        <source>a &quot;bsa_bands&quot; rule needs at least one band</source>
        <translation>une règle « bsa_bands » a besoin d&apos;au moins une tranche</translation>
    </message>
    <message>
        <source>a dose range (amount_max) is allowed only on &quot;per_kg&quot; and &quot;per_m2&quot; rules</source>
        <translation>un intervalle de dose (amount_max) n&apos;est permis que dans les règles « per_kg » et « per_m2 »</translation>
    </message>
    <message>
        <source>is missing (a &quot;%1&quot; rule needs it)</source>
        <translation>est manquant (une règle « %1 » en a besoin)</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; rule needs drugs or groups</source>
        <translation>une règle « %1 » a besoin de médicaments ou de groupes (drugs ou groups)</translation>
    </message>
    <message>
        <source>only a washout rule has %2</source>
        <translation>seule une règle « washout » a la clé %2</translation>
    </message>
    <message>
        <source>give exactly one of every_days or every_months</source>
        <translation>donnez exactement une des clés every_days ou every_months</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed (use one of: %2)</source>
        <translation>« %1 » n&apos;est pas permis (utilisez l&apos;une de ces valeurs : %2)</translation>
    </message>
    <message>
        <source>unknown rule kind &quot;%1&quot; (use one of: %2)</source>
        <translation>type de règle inconnu « %1 » (utilisez l&apos;une de ces valeurs : %2)</translation>
    </message>
    <message>
        <source>use either &quot;answer&quot; or &quot;field&quot; with &quot;is&quot;, not both</source>
        <translation>utilisez soit « answer », soit « field » avec « is », mais pas les deux</translation>
    </message>
    <message>
        <source>use one of: answer; field with is; field with below; field with blank</source>
        <translation>utilisez une seule de ces formes : answer ; field avec is ; field avec below ; field avec blank</translation>
    </message>
    <message>
        <source>no detail field &quot;%1&quot; to test</source>
        <translation>aucun champ de détail « %1 » à tester</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a %2 field; test a choice or bool</source>
        <translation>« %1 » est un champ %2 ; testez un champ choice ou bool</translation>
    </message>
    <message>
        <source>%1 is not a possible value of &quot;%2&quot;</source>
        <translation>%1 n&apos;est pas une valeur possible de « %2 »</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a %2 field, not a number</source>
        <translation>« %1 » est un champ %2, et non un champ numérique</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a yes/no field, never blank</source>
        <translation>« %1 » est un champ oui/non, jamais vide</translation>
    </message>
    <message>
        <source>no detail field &quot;%1&quot; here</source>
        <translation>aucun champ de détail « %1 » ici</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date field</source>
        <translation>« %1 » n&apos;est pas un champ de date</translation>
    </message>
    <message>
        <source>the protocol must be a table of keys</source>
        <translation>le protocole doit être une table de clés</translation>
    </message>
    <message>
        <source>duplicate %1 id &quot;%2&quot; (first used at %3)</source>
        <translation>identifiant « %2 » en double (%1 ; déjà utilisé à %3)</translation>
    </message>
    <message>
        <source>no schedule &quot;%1&quot;</source>
        <translation>aucun calendrier « %1 »</translation>
    </message>
    <message>
        <source>no arm &quot;%1&quot;</source>
        <translation>aucun bras « %1 »</translation>
    </message>
    <message>
        <source>no drug group &quot;%1&quot;</source>
        <translation>aucun groupe de médicaments « %1 »</translation>
    </message>
    <message>
        <source>arm &quot;%1&quot; cannot switch to itself</source>
        <translation>le bras « %1 » ne peut pas être remplacé par lui-même</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an instrument this application can record; known instruments: %2</source>
        <translation>« %1 » n&apos;est pas un instrument de mesure que cette application peut consigner ; instruments connus : %2</translation>
    </message>
    <message>
        <source>no instrument &quot;%1&quot; in [[instruments]]</source>
        <translation>aucun instrument « %1 » dans [[instruments]]</translation>
    </message>
    <message>
        <source>visits must be listed in time order</source>
        <translation>les visites doivent être listées dans l&apos;ordre chronologique</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already has a half-life (half_lives[%2])</source>
        <translation>« %1 » a déjà une demi-vie (half_lives[%2])</translation>
    </message>
    <message>
        <source>no [[half_lives]] entry for %1</source>
        <translation>aucune entrée [[half_lives]] pour %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no source; a %2 rule says which paper, table or label it comes from</source>
        <translation>« %1 » ne nomme aucune source ; une règle (statut : %2) indique de quel article, tableau ou étiquette elle provient</translation>
    </message>
    <message>
        <source>a band needs %1, %2 or both</source>
        <translation>une tranche a besoin de %1, de %2 ou des deux</translation>
    </message>
    <message>
        <source>this band overlaps another (%1 / %2)</source>
        <translation>cette tranche chevauche une autre (%1 / %2)</translation>
    </message>
    <message>
        <source>is missing (only the last phase may be open-ended)</source>
        <translation>est manquant (seule la dernière phase peut être sans fin)</translation>
    </message>
    <message>
        <source>only one option may be the default (%1)</source>
        <translation>une seule option peut être celle par défaut (%1)</translation>
    </message>
    <message>
        <source>no option &quot;%1&quot; in this arm&apos;s options</source>
        <translation>aucune option « %1 » parmi les options de ce bras</translation>
    </message>
    <message>
        <source>option &quot;%1&quot; has no dose naming it</source>
        <translation>aucune dose ne nomme l&apos;option « %1 »</translation>
    </message>
    <message>
        <source>this</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>criterion</source>
        <translation>critère</translation>
    </message>
    <message>
        <source>arm</source>
        <translation>bras</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>limite</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>calendrier</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visite</translation>
    </message>
    <message>
        <source>instrument</source>
        <translation>instrument de mesure</translation>
    </message>
    <message>
        <source>counselling</source>
        <translation>conseil</translation>
    </message>
    <message>
        <source>note</source>
        <translation>remarque</translation>
    </message>
    <message>
        <source>drug group</source>
        <translation>groupe de médicaments</translation>
    </message>
    <message>
        <source>prior-therapy rule</source>
        <translation>règle de traitement antérieur</translation>
    </message>
    <message>
        <source>detail field</source>
        <translation>champ de détail</translation>
    </message>
    <message>
        <source>date rule</source>
        <translation>règle de date</translation>
    </message>
    <message>
        <source>consistency rule</source>
        <translation>règle de cohérence</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>choix</translation>
    </message>
    <message>
        <source>option</source>
        <translation>option de bras</translation>
    </message>
</context>
<context>
    <name>PlanBanner</name>
    <message>
        <source>PROVISIONAL PLAN — provisional — verify against the published plan before use</source>
        <translation>PLAN PROVISOIRE — provisoire — à vérifier dans le plan publié avant usage</translation>
    </message>
    <message>
        <source>Provisional plan banner</source>
        <translation>Bandeau de plan provisoire</translation>
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
        <translation>Ap&amp;erçu…</translation>
    </message>
</context>
<context>
    <name>PriorTherapyDialog</name>
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
        <translation>Raison de l&apos;arrêt</translation>
    </message>
    <message>
        <source>Last dose</source>
        <translation>Dernière dose</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>Lymphocytes B</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>detectable</source>
        <translation>détectables</translation>
    </message>
    <message>
        <source>not detectable</source>
        <translation>indétectables</translation>
    </message>
    <message>
        <source>inadequate response</source>
        <translation>réponse insuffisante</translation>
    </message>
    <message>
        <source>toxicity</source>
        <translation>toxicité</translation>
    </message>
    <message>
        <source>benefit (stopped while it was helping)</source>
        <translation>bénéfice (arrêté alors qu&apos;il était efficace)</translation>
    </message>
    <message>
        <source>another reason</source>
        <translation>autre raison</translation>
    </message>
    <message>
        <source>Enter the drug&apos;s generic name (e.g. methotrexate).</source>
        <translation>Saisissez la dénomination commune du médicament (p. ex. méthotrexate).</translation>
    </message>
    <message>
        <source>Enter the date the therapy was started.</source>
        <translation>Saisissez la date de début du traitement.</translation>
    </message>
    <message>
        <source>Choose why the therapy was stopped.</source>
        <translation>Choisissez la raison de l&apos;arrêt du traitement.</translation>
    </message>
    <message>
        <source>Enter the date the therapy was stopped.</source>
        <translation>Saisissez la date d&apos;arrêt du traitement.</translation>
    </message>
    <message>
        <source>B-cell status is recorded for rituximab only.</source>
        <translation>L&apos;état des lymphocytes B ne se note que pour le rituximab.</translation>
    </message>
    <message>
        <source>The stop date %1 is before the start date %2.</source>
        <translation>La date d&apos;arrêt %1 est antérieure à la date de début %2.</translation>
    </message>
    <message>
        <source>The last dose %1 is before the start date %2.</source>
        <translation>La dernière dose %1 est antérieure à la date de début %2.</translation>
    </message>
    <message>
        <source>The last dose %1 is after the stop date %2.</source>
        <translation>La dernière dose %1 est postérieure à la date d&apos;arrêt %2.</translation>
    </message>
    <message>
        <source>The start date %1 is in the future (today is %2).</source>
        <translation>La date de début %1 est dans le futur (nous sommes le %2).</translation>
    </message>
    <message>
        <source>The stop date %1 is in the future (today is %2).</source>
        <translation>La date d&apos;arrêt %1 est dans le futur (nous sommes le %2).</translation>
    </message>
    <message>
        <source>The last dose date %1 is in the future (today is %2).</source>
        <translation>La date de dernière dose %1 est dans le futur (nous sommes le %2).</translation>
    </message>
    <message>
        <source>Prior therapies — %1</source>
        <translation>Traitements antérieurs — %1</translation>
    </message>
    <message>
        <source>Every prior or current therapy (drug, when started and stopped, why stopped). Entered once, it is used by every screening: the washout and prior-failure rules read it. A therapy without a stop date is ongoing.</source>
        <translation>Chaque traitement antérieur ou en cours (médicament, dates de début et d&apos;arrêt, raison de l&apos;arrêt). Saisi une seule fois, il sert à chaque évaluation d&apos;admissibilité&#x202f;: les règles de délai de sevrage et d&apos;échec antérieur le lisent. Un traitement sans date d&apos;arrêt est en cours.</translation>
    </message>
    <message>
        <source>Prior therapies</source>
        <translation>Traitements antérieurs</translation>
    </message>
    <message>
        <source>&amp;New therapy</source>
        <translation>No&amp;uveau traitement</translation>
    </message>
    <message>
        <source>Recorded at screening, not yet in this history</source>
        <translation>Noté lors de l&apos;évaluation d&apos;admissibilité, absent de cet historique</translation>
    </message>
    <message>
        <source>Fill in %1 since %2 (current)</source>
        <translation>Reprendre %1 depuis le %2 (en cours)</translation>
    </message>
    <message>
        <source>Fill in %1 since %2 (previous)</source>
        <translation>Reprendre %1 depuis le %2 (antérieur)</translation>
    </message>
    <message>
        <source>Fill in %1 (current)</source>
        <translation>Reprendre %1 (en cours)</translation>
    </message>
    <message>
        <source>Fill in %1 (previous)</source>
        <translation>Reprendre %1 (antérieur)</translation>
    </message>
    <message>
        <source>New therapy</source>
        <translation>Nouveau traitement</translation>
    </message>
    <message>
        <source>generic name, e.g. methotrexate</source>
        <translation>dénomination commune, p. ex. méthotrexate</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>Stop date</source>
        <translation>Date d&apos;arrêt</translation>
    </message>
    <message>
        <source>— ongoing / not stopped —</source>
        <translation>— en cours / non arrêté —</translation>
    </message>
    <message>
        <source>Reason stopped</source>
        <translation>Raison de l&apos;arrêt</translation>
    </message>
    <message>
        <source>Last dose date</source>
        <translation>Date de la dernière dose</translation>
    </message>
    <message>
        <source>B cells detectable (rituximab)</source>
        <translation>Lymphocytes B détectables (rituximab)</translation>
    </message>
    <message>
        <source>Given for skin disease</source>
        <translation>Donné pour l&apos;atteinte cutanée</translation>
    </message>
    <message>
        <source>&amp;Drug:</source>
        <translation>&amp;Médicament&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Started:</source>
        <translation>&amp;Début&#x202f;:</translation>
    </message>
    <message>
        <source>St&amp;opped:</source>
        <translation>&amp;Arrêt&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Why stopped:</source>
        <translation>&amp;Raison de l&apos;arrêt&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Last dose:</source>
        <translation>Dernière d&amp;ose&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;B cells (rituximab):</source>
        <translation>Lymphocytes &amp;B (rituximab)&#x202f;:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>&amp;Notes&#x202f;:</translation>
    </message>
    <message>
        <source>Sa&amp;ve therapy</source>
        <translation>&amp;Enregistrer le traitement</translation>
    </message>
    <message>
        <source>Saving the therapy</source>
        <translation>Enregistrement du traitement</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>(date not recorded)</source>
        <translation>(date non renseignée)</translation>
    </message>
    <message>
        <source>New therapy — from the screening (%1, current: leave the stop date empty)</source>
        <translation>Nouveau traitement — repris de l&apos;évaluation d&apos;admissibilité (%1, en cours&#x202f;: laissez la date d&apos;arrêt vide)</translation>
    </message>
    <message>
        <source>New therapy — from the screening (%1, stopped: enter when and why)</source>
        <translation>Nouveau traitement — repris de l&apos;évaluation d&apos;admissibilité (%1, arrêté&#x202f;: indiquez quand et pourquoi)</translation>
    </message>
    <message>
        <source>Edit %1 (ongoing — to stop it, enter the stop date and why)</source>
        <translation>Modifier %1 (en cours — pour l&apos;arrêter, saisissez la date d&apos;arrêt et la raison)</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>What you typed is still in this form.</source>
        <translation>Ce que vous avez saisi est toujours dans ce formulaire.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>PriorTherapyPage</name>
    <message>
        <source>✔ OPEN</source>
        <translation>✔ OUVERT</translation>
    </message>
    <message>
        <source>✘ EXCLUDED</source>
        <translation>✘ EXCLU</translation>
    </message>
    <message>
        <source>? TO CHECK</source>
        <translation>? À VÉRIFIER</translation>
    </message>
    <message>
        <source>Prior therapies</source>
        <translation>Traitements antérieurs</translation>
    </message>
    <message>
        <source>The patient&apos;s recorded prior and current therapies, judged against this plan&apos;s washout and prior-failure rules on the screening date.</source>
        <translation>Les traitements antérieurs et actuels consignés pour le patient, jugés selon les règles de période d&apos;élimination et d&apos;échec antérieur de ce plan à la date de l&apos;évaluation.</translation>
    </message>
    <message>
        <source>Prior-therapy rules: provisional — verify against the published plan</source>
        <translation>Règles sur les traitements antérieurs : provisoires — à vérifier par rapport au plan publié</translation>
    </message>
    <message>
        <source>Provisional prior-therapy rules</source>
        <translation>Règles provisoires sur les traitements antérieurs</translation>
    </message>
    <message>
        <source>&amp;Edit prior therapies…</source>
        <translation>&amp;Modifier les traitements antérieurs…</translation>
    </message>
    <message>
        <source>Edit prior therapies</source>
        <translation>Modifier les traitements antérieurs</translation>
    </message>
    <message>
        <source>Recorded prior therapies</source>
        <translation>Traitements antérieurs consignés</translation>
    </message>
    <message>
        <source>Plan-wide prior-therapy rules</source>
        <translation>Règles sur les traitements antérieurs valables pour tout le plan</translation>
    </message>
    <message>
        <source>Prior-therapy evaluation per arm</source>
        <translation>Évaluation des traitements antérieurs par bras</translation>
    </message>
    <message>
        <source>Recorded history (%1):</source>
        <translation>Historique consigné (%1) :</translation>
    </message>
    <message>
        <source>No prior therapy is recorded.</source>
        <translation>Aucun traitement antérieur n&apos;est consigné.</translation>
    </message>
    <message>
        <source>Use “Edit prior therapies…” to enter each one (drug, start, stop, why stopped).</source>
        <translation>Utilisez « Modifier les traitements antérieurs… » pour entrer chacun (médicament, début, arrêt, motif de l&apos;arrêt).</translation>
    </message>
    <message>
        <source>Judged on the screening date %1:</source>
        <translation>Jugé à la date de l&apos;évaluation, le %1 :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Boundary: %1</source>
        <translation>Limite : %1</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisoire)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
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
    <message>
        <source>Remission</source>
        <translation>Rémission</translation>
    </message>
    <message>
        <source>Family choice</source>
        <translation>Choix de la famille</translation>
    </message>
    <message>
        <source>other: %1</source>
        <translation>autre : %1</translation>
    </message>
</context>
<context>
    <name>ResponseSection</name>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Initiale</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Palier</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>minime</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>modérée</translation>
    </message>
    <message>
        <source>major</source>
        <translation>majeure</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>not inactive</source>
        <translation>non inactive</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>indéterminé</translation>
    </message>
    <message>
        <source>improved</source>
        <translation>amélioration</translation>
    </message>
    <message>
        <source>not improved</source>
        <translation>pas d&apos;amélioration</translation>
    </message>
    <message>
        <source>no response</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>minimal response</source>
        <translation>réponse minime</translation>
    </message>
    <message>
        <source>moderate response</source>
        <translation>réponse modérée</translation>
    </message>
    <message>
        <source>major response</source>
        <translation>réponse majeure</translation>
    </message>
    <message>
        <source>Response against baseline</source>
        <translation>Réponse par rapport à la visite initiale</translation>
    </message>
    <message>
        <source>Total improvement score</source>
        <translation>Score total d&apos;amélioration</translation>
    </message>
    <message>
        <source>PRINTO clinically inactive disease (Lazarevic 2013)</source>
        <translation>Maladie cliniquement inactive selon PRINTO (Lazarevic 2013)</translation>
    </message>
    <message>
        <source>IMACS definition of improvement (Rider 2004)</source>
        <translation>Définition IMACS de l&apos;amélioration (Rider 2004)</translation>
    </message>
    <message>
        <source>No baseline visit recorded: the response cannot be computed.</source>
        <translation>Aucune visite initiale consignée : la réponse ne peut pas être calculée.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>× ULN</source>
        <translation>× LSN</translation>
    </message>
    <message>
        <source>TIS %1 / 100 — %2</source>
        <translation>TIS %1 / 100 — %2</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisoire)</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>données</translation>
    </message>
    <message>
        <source>&lt;b&gt;TIS not computed&lt;/b&gt; — missing or not comparable: %1</source>
        <translation>&lt;b&gt;TIS non calculé&lt;/b&gt; — manquant ou non comparable : %1</translation>
    </message>
    <message>
        <source>(provisional rule)</source>
        <translation>(règle provisoire)</translation>
    </message>
    <message>
        <source>Provisional: the percent-change rule (improvement ÷ full range; enzyme relative to baseline) awaits confirmation against the IMACS calculator. Minimal ≥ 30, moderate ≥ 45, major ≥ 70.</source>
        <translation>Provisoire : la règle du pourcentage de changement (amélioration ÷ étendue complète&#x202f;; enzyme relative à la visite initiale) attend une confirmation avec le calculateur IMACS. Minime ≥ 30, modérée ≥ 45, majeure ≥ 70.</translation>
    </message>
    <message>
        <source>Not computed.</source>
        <translation>Non calculé.</translation>
    </message>
    <message>
        <source>; PRINTO: %1</source>
        <translation>&#x202f;; PRINTO : %1</translation>
    </message>
    <message>
        <source>; IMACS: %1</source>
        <translation>&#x202f;; IMACS : %1</translation>
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
    <name>Screening</name>
    <message>
        <source>%1: enter a date (YYYY-MM-DD).</source>
        <translation>%1 : entrez une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>%1: %2 is after the screening date %3.</source>
        <translation>%1 : le %2 est postérieur à la date de l&apos;évaluation, le %3.</translation>
    </message>
    <message>
        <source>%1: choose one of the listed options.</source>
        <translation>%1 : choisissez une des options de la liste.</translation>
    </message>
    <message>
        <source>%1: required when the answer is Yes.</source>
        <translation>%1 : obligatoire quand la réponse est Oui.</translation>
    </message>
    <message>
        <source>%1: required.</source>
        <translation>%1 : obligatoire.</translation>
    </message>
    <message>
        <source>%1 %2: at least %3 calendar months before the screening date %4 (met from %5).</source>
        <translation>%1 %2 : au moins %3 mois civils avant la date de l&apos;évaluation %4 (rempli à partir du %5).</translation>
    </message>
    <message>
        <source>%1 %2 is less than %3 calendar months before the screening date %4: the criterion is not met before %5.</source>
        <translation>%1 %2 précède de moins de %3 mois civils la date de l&apos;évaluation %4 : le critère n&apos;est pas rempli avant le %5.</translation>
    </message>
    <message>
        <source>Should have %1</source>
        <translation>Doit présenter %1</translation>
    </message>
    <message>
        <source>May have %1</source>
        <translation>Peut présenter %1</translation>
    </message>
    <message>
        <source>Should not have %1</source>
        <translation>Ne doit pas présenter %1</translation>
    </message>
    <message>
        <source>Recorded: %1. %2</source>
        <translation>Noté : %1. %2</translation>
    </message>
    <message>
        <source>answered Yes</source>
        <translation>réponse Oui</translation>
    </message>
    <message>
        <source>answered No</source>
        <translation>réponse Non</translation>
    </message>
    <message>
        <source>answered Unknown</source>
        <translation>réponse Inconnu</translation>
    </message>
    <message>
        <source>“%1” left blank</source>
        <translation>« %1 » laissé vide</translation>
    </message>
    <message>
        <source>“%1” filled in</source>
        <translation>« %1 » rempli</translation>
    </message>
    <message>
        <source>“%1” %2 (below %3)</source>
        <translation>« %1 » %2 (inférieur à %3)</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>« %1 » : %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Contradiction (%1): %2</source>
        <translation>Contradiction (%1) : %2</translation>
    </message>
    <message>
        <source>Contradiction (%1) (provisional rule): %2</source>
        <translation>Contradiction (%1) (règle provisoire) : %2</translation>
    </message>
    <message>
        <source>Query (%1): %2</source>
        <translation>Question à vérifier (%1) : %2</translation>
    </message>
    <message>
        <source>Query (%1) (provisional rule): %2</source>
        <translation>Question à vérifier (%1) (règle provisoire) : %2</translation>
    </message>
    <message>
        <source>Unknown (%1): not known whether the patient has: %2</source>
        <translation>Inconnu (%1) : on ne sait pas si le patient présente : %2</translation>
    </message>
    <message>
        <source>Unknown (%1): not known whether the patient is free of: %2</source>
        <translation>Inconnu (%1) : on ne sait pas si le patient est exempt de : %2</translation>
    </message>
    <message>
        <source>Not met (%1): %2</source>
        <translation>Non rempli (%1) : %2</translation>
    </message>
    <message>
        <source>Exclusion present (%1): %2</source>
        <translation>Exclusion présente (%1) : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Prior therapies: not evaluated. Record the prior-therapy history and screen again.</source>
        <translation>Traitements antérieurs : non évalués. Entrez l&apos;historique des traitements antérieurs et refaites l&apos;évaluation.</translation>
    </message>
    <message>
        <source>Enter the screening date (YYYY-MM-DD).</source>
        <translation>Entrez la date de l&apos;évaluation (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The screening date %1 is in the future.</source>
        <translation>La date de l&apos;évaluation %1 est dans le futur.</translation>
    </message>
    <message>
        <source>%1 The screening recorded: &quot;%2&quot; %3.</source>
        <translation>%1 Évaluation notée : « %2 » %3.</translation>
    </message>
    <message>
        <source>Not known whether this applies: %1 Confirm before choosing this arm.</source>
        <translation>On ne sait pas si ceci s&apos;applique : %1 À confirmer avant de choisir ce bras.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>commencé le %1</translation>
    </message>
    <message>
        <source>start date not recorded</source>
        <translation>date de début non consignée</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>stopped %1</source>
        <translation>arrêté le %1</translation>
    </message>
    <message>
        <source>stopped (date not recorded)</source>
        <translation>arrêté (date non consignée)</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 pour %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#x202f;; %2</translation>
    </message>
    <message>
        <source>reason not recorded</source>
        <translation>raison non consignée</translation>
    </message>
    <message>
        <source>last dose %1</source>
        <translation>dernière dose le %1</translation>
    </message>
    <message>
        <source>B cells detectable</source>
        <translation>lymphocytes B détectables</translation>
    </message>
    <message>
        <source>B cells not detectable</source>
        <translation>lymphocytes B non détectables</translation>
    </message>
    <message>
        <source>inadequate response</source>
        <translation>réponse insuffisante</translation>
    </message>
    <message>
        <source>toxicity</source>
        <translation>toxicité</translation>
    </message>
    <message>
        <source>benefit (stopped while it was helping)</source>
        <translation>bénéfice (arrêté alors qu&apos;il était efficace)</translation>
    </message>
    <message>
        <source>another reason</source>
        <translation>autre raison</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>1 calendar month</source>
        <translation>1 mois civil</translation>
    </message>
    <message>
        <source>%1 calendar months</source>
        <translation>%1 mois civils</translation>
    </message>
    <message>
        <source>%1–%2 half-lives</source>
        <translation>%1 à %2 demi-vies</translation>
    </message>
    <message>
        <source>%1 or %2, whichever is longer</source>
        <translation>%1 ou %2, selon la plus longue</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>article source</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisoire</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>Consigné : %1.</translation>
    </message>
    <message>
        <source>No %1 is recorded in the prior-therapy history. Add it (drug, start, stop, why stopped) before this can be checked.</source>
        <translation>Aucun traitement par %1 n&apos;est consigné dans l&apos;historique des traitements antérieurs. Ajoutez-le (médicament, début, arrêt, raison de l&apos;arrêt) pour que ce point puisse être vérifié.</translation>
    </message>
    <message>
        <source>%1: complete on %2</source>
        <translation>%1 : terminée le %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2) : %3</translation>
    </message>
    <message>
        <source>half-life of %1 %2 days, %3: %4</source>
        <translation>demi-vie (%1) : %2 jours, %3 : %4</translation>
    </message>
    <message>
        <source>%1–%2 days, complete on %3 (%4) to %5 (%6)</source>
        <translation>%1 à %2 jours, terminée du %3 (%4) au %5 (%6)</translation>
    </message>
    <message>
        <source>the half-life of %1 is not in this plan&apos;s data, so the %2 alternative cannot be worked out</source>
        <translation>la demi-vie (%1) ne figure pas dans les données de ce plan&#x202f;; l&apos;option de %2 ne peut donc pas être calculée</translation>
    </message>
    <message>
        <source> Washout alternatives, the longer first: %1.</source>
        <translation> Options de période d&apos;élimination, la plus longue en premier : %1.</translation>
    </message>
    <message>
        <source>%1 is still being given. It must be stopped and the last dose be at least %2 before the screening date.</source>
        <translation>%1 est toujours administré. Il doit être arrêté, et la dernière dose doit précéder la date de l&apos;évaluation d&apos;au moins %2.</translation>
    </message>
    <message>
        <source>%1: the last-dose date is not recorded, so the washout of %2 cannot be checked.</source>
        <translation>%1 : la date de la dernière dose n&apos;est pas consignée&#x202f;; la période d&apos;élimination de %2 ne peut donc pas être vérifiée.</translation>
    </message>
    <message>
        <source>%1: last dose %2; %3. %4 alone would be complete on %5. The treating team decides and records why.</source>
        <translation>%1 : dernière dose le %2&#x202f;; %3. Une période de %4 seule serait terminée le %5. L&apos;équipe traitante décide et consigne pourquoi.</translation>
    </message>
    <message>
        <source>%1: last dose %2; the washout (%3) is complete on %4, after the screening date %5.%6</source>
        <translation>%1 : dernière dose le %2&#x202f;; la période d&apos;élimination (%3) se termine le %4, après la date de l&apos;évaluation, le %5.%6</translation>
    </message>
    <message>
        <source>%1: last dose %2 is less than %3 before the screening date %4; the washout is complete on %5.</source>
        <translation>%1 : la dernière dose, le %2, précède de moins de %3 la date de l&apos;évaluation, le %4&#x202f;; la période d&apos;élimination se termine le %5.</translation>
    </message>
    <message>
        <source>%1: last dose %2, at least %3 before the screening date %4 (complete from %5)</source>
        <translation>%1 : dernière dose le %2, au moins %3 avant la date de l&apos;évaluation, le %4 (terminée à partir du %5)</translation>
    </message>
    <message>
        <source>%1: last dose %2, at least %3 before the screening date %4 (complete from %5).%6</source>
        <translation>%1 : dernière dose le %2, au moins %3 avant la date de l&apos;évaluation, le %4 (terminée à partir du %5).%6</translation>
    </message>
    <message>
        <source>%1, but whether B cells are detectable is not recorded.</source>
        <translation>%1, mais la présence de lymphocytes B détectables n&apos;est pas consignée.</translation>
    </message>
    <message>
        <source>%1, but B cells are not yet detectable.</source>
        <translation>%1, mais les lymphocytes B ne sont pas encore détectables.</translation>
    </message>
    <message>
        <source>%1, and B cells are detectable (check that the B-cell result is recent).</source>
        <translation>%1, et les lymphocytes B sont détectables (vérifiez que le résultat des lymphocytes B est récent).</translation>
    </message>
    <message>
        <source>No stopped %1 in the history.</source>
        <translation>Aucun traitement par %1 arrêté dans l&apos;historique.</translation>
    </message>
    <message>
        <source>%1: a prior failure of %2 excludes this arm.</source>
        <translation>%1 : un échec antérieur du traitement par %2 exclut ce bras.</translation>
    </message>
    <message>
        <source>%1: prior benefit from %2 allows this arm.</source>
        <translation>%1 : un bénéfice antérieur du traitement par %2 permet ce bras.</translation>
    </message>
    <message>
        <source>%1: why %2 was stopped is not recorded; a prior failure would exclude this arm.</source>
        <translation>%1 : la raison de l&apos;arrêt du traitement par %2 n&apos;est pas consignée&#x202f;; un échec antérieur exclurait ce bras.</translation>
    </message>
    <message>
        <source>%1: the plan does not say whether stopping for %2 counts as failure. The treating team decides and records why.</source>
        <translation>%1 : le plan ne dit pas si un arrêt pour %2 compte comme un échec. L&apos;équipe traitante décide et consigne pourquoi.</translation>
    </message>
    <message>
        <source>%1 not stopped before.</source>
        <translation>Aucun arrêt antérieur du traitement par %1.</translation>
    </message>
    <message>
        <source>%1: prior benefit allows this arm with any of its drugs.</source>
        <translation>%1 : le bénéfice antérieur permet ce bras avec n&apos;importe lequel de ses médicaments.</translation>
    </message>
    <message>
        <source>%1: %2 is a different agent, which is allowed.</source>
        <translation>%1 : %2 est un autre agent, ce qui est permis.</translation>
    </message>
    <message>
        <source>%1: choose %2 (a different agent) in this arm.</source>
        <translation>%1 : choisissez %2 (un autre agent) dans ce bras.</translation>
    </message>
    <message>
        <source>%1: choose %2 (a different agent) in this arm; or decide whether re-using %3 is acceptable and record why.</source>
        <translation>%1 : choisissez %2 (un autre agent) dans ce bras&#x202f;; ou décidez si la reprise du traitement par %3 est acceptable et consignez pourquoi.</translation>
    </message>
    <message>
        <source>%1: after a failure of %2 this arm is open only with a different agent, and the chosen option gives the same one.</source>
        <translation>%1 : après un échec du traitement par %2, ce bras n&apos;est ouvert qu&apos;avec un autre agent, et l&apos;option choisie donne le même.</translation>
    </message>
    <message>
        <source>why it was stopped is not recorded</source>
        <translation>la raison de l&apos;arrêt n&apos;est pas consignée</translation>
    </message>
    <message>
        <source>the plan does not say whether stopping for %1 counts as failure</source>
        <translation>le plan ne dit pas si un arrêt pour %1 compte comme un échec</translation>
    </message>
    <message>
        <source>%1: the chosen option gives %2 again and %3. The treating team decides and records why.</source>
        <translation>%1 : l&apos;option choisie redonne le traitement par %2, et %3. L&apos;équipe traitante décide et consigne pourquoi.</translation>
    </message>
    <message>
        <source>%1: the start date is needed to check the %2 limit after starting.</source>
        <translation>%1 : la date de début est nécessaire pour vérifier la limite de %2 après le début.</translation>
    </message>
    <message>
        <source>%1 started %2: enrolment is possible up to %3 (%4 after starting); the screening date %5 is within it.</source>
        <translation>%1 commencé le %2 : l&apos;inscription est possible jusqu&apos;au %3 (%4 après le début)&#x202f;; la date de l&apos;évaluation, le %5, est dans ce délai.</translation>
    </message>
    <message>
        <source>%1 started %2, more than %3 before the screening date %4 (the limit was %5).</source>
        <translation>%1 commencé le %2, plus de %3 avant la date de l&apos;évaluation, le %4 (la limite était le %5).</translation>
    </message>
    <message>
        <source>%1 not yet started: the limit after starting does not apply.</source>
        <translation>%1 pas encore commencé : la limite après le début ne s&apos;applique pas.</translation>
    </message>
    <message>
        <source>Every drug in the history is in this plan&apos;s lists.</source>
        <translation>Chaque médicament de l&apos;historique figure dans les listes de ce plan.</translation>
    </message>
    <message>
        <source>%1: not in this plan&apos;s drug lists, so no washout or failure rule was applied to it. The treating team decides whether a rule applies and records why.</source>
        <translation>%1 : absent des listes de médicaments de ce plan&#x202f;; aucune règle de période d&apos;élimination ou d&apos;échec ne lui a donc été appliquée. L&apos;équipe traitante décide si une règle s&apos;applique et consigne pourquoi.</translation>
    </message>
    <message>
        <source>%1: starts after the screening date %2; not used for this screening.</source>
        <translation>%1 : commence après la date de l&apos;évaluation, le %2&#x202f;; non pris en compte pour cette évaluation.</translation>
    </message>
    <message>
        <source>washout complete on %1</source>
        <translation>période d&apos;élimination terminée le %1</translation>
    </message>
    <message>
        <source>enrol no later than %1</source>
        <translation>inscription au plus tard le %1</translation>
    </message>
    <message>
        <source>Prior therapy: %1 %2</source>
        <translation>Traitement antérieur : %1 %2</translation>
    </message>
    <message>
        <source>Arm %1</source>
        <translation>Bras %1</translation>
    </message>
    <message>
        <source>Arm %1, option %2</source>
        <translation>Bras %1, option %2</translation>
    </message>
    <message>
        <source>%1 is closed by the prior therapies: %2</source>
        <translation>%1 est fermé par les traitements antérieurs : %2</translation>
    </message>
    <message>
        <source>%1 is closed by the prior therapies (%2): %3</source>
        <translation>%1 est fermé par les traitements antérieurs (%2) : %3</translation>
    </message>
    <message>
        <source>%1: to check before enrolling: %2</source>
        <translation>%1 : à vérifier avant l&apos;inscription : %2</translation>
    </message>
    <message>
        <source>Prior therapies: every arm of this plan is closed by the recorded history (see the arms listed below).</source>
        <translation>Traitements antérieurs : chaque bras de ce plan est fermé par l&apos;historique consigné (voir les bras ci-dessous).</translation>
    </message>
    <message>
        <source>The prior-therapy rules are provisional — verify against the published plan.</source>
        <translation>Les règles sur les traitements antérieurs sont provisoires — à vérifier dans le plan publié.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
</context>
<context>
    <name>ScreeningWizard</name>
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
        <translation>Reprise de l&apos;évaluation inachevée enregistrée plus tôt. Vos réponses sont telles que vous les avez laissées&#x202f;; Annuler → Abandonner recommence à zéro.</translation>
    </message>
    <message>
        <source>Change treatment plan</source>
        <translation>Changer de plan de traitement</translation>
    </message>
    <message>
        <source>The answers given so far belong to the current plan and will be cleared. Change the plan?</source>
        <translation>Les réponses données jusqu&apos;ici appartiennent au plan actuel et seront effacées. Changer de plan&#x202f;?</translation>
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
        <translation>Cette évaluation n&apos;est pas terminée. La garder comme brouillon pour la reprendre plus tard, ou abandonner les réponses&#x202f;?</translation>
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
    <name>Settings and roles check</name>
    <message>
        <source>Unknown role %1; choose one of: %2.</source>
        <translation>Le rôle %1 n&apos;existe pas ; choisissez l&apos;un de ces codes : %2.</translation>
    </message>
    <message>
        <source>The inactivity time must be a whole number of minutes.</source>
        <translation>Le délai d&apos;inactivité doit être un nombre entier de minutes.</translation>
    </message>
    <message>
        <source>The inactivity time must be between %1 and %2 minutes.</source>
        <translation>Le délai d&apos;inactivité doit être compris entre %1 et %2 minutes.</translation>
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
        <translation>Vous pouvez consulter ces paramètres&#x202f;; seul un administrateur peut les modifier.</translation>
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
    <name>SignVisitDialog</name>
    <message>
        <source>Sign visit</source>
        <translation>Signer la visite</translation>
    </message>
    <message>
        <source>You are signing the visit &lt;b&gt;%1&lt;/b&gt; as &lt;b&gt;%2&lt;/b&gt; (%3). Your signature, the date and time, and its meaning are recorded and printed with the visit, and the visit is locked against changes.</source>
        <translation>Vous signez la visite &lt;b&gt;%1&lt;/b&gt; en tant que &lt;b&gt;%2&lt;/b&gt; (%3). Votre signature, la date et l&apos;heure, et sa signification sont consignées et imprimées avec la visite, et la visite est verrouillée contre toute modification.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Meaning of this signature</source>
        <translation>&amp;Signification de cette signature</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Enter your password to sign.</source>
        <translation>Entrez votre mot de passe pour signer.</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>Reviewed and approved</source>
        <translation>Révisée et approuvée</translation>
    </message>
    <message>
        <source>Author of the recorded data</source>
        <translation>Auteur des données consignées</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Révisée</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>signature valide</translation>
    </message>
    <message>
        <source>content changed after signing</source>
        <translation>contenu modifié après la signature</translation>
    </message>
    <message>
        <source>no signature was made in jdm-ctp for this visit</source>
        <translation>aucune signature n&apos;a été faite dans jdm-ctp pour cette visite</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>une date inconnue</translation>
    </message>
    <message>
        <source>Signed by %1 (%2) on %3: %4</source>
        <translation>Signée par %1 (%2) le %3 : %4</translation>
    </message>
    <message>
        <source>%1 — %2.</source>
        <translation>%1 — %2.</translation>
    </message>
    <message>
        <source>%1 — NOT VALID: %2.</source>
        <translation>%1 — NON VALIDE : %2.</translation>
    </message>
</context>
<context>
    <name>Site list check</name>
    <message>
        <source>Enter the site&apos;s name.</source>
        <translation>Saisissez le nom du site.</translation>
    </message>
    <message>
        <source>A site name cannot contain the character |.</source>
        <translation>Un nom de site ne peut pas contenir le caractère |.</translation>
    </message>
    <message>
        <source>A site name has at most %1 characters.</source>
        <translation>Un nom de site compte au plus %1 caractères.</translation>
    </message>
    <message>
        <source>%1 is already on the site list.</source>
        <translation>%1 figure déjà dans la liste des sites.</translation>
    </message>
    <message>
        <source>There is no site number %1.</source>
        <translation>Il n&apos;y a aucun site numéro %1.</translation>
    </message>
    <message>
        <source>A site code is 2 to %1 letters and digits, starting with a letter (for example TOR or SICK2).</source>
        <translation>Un code de site compte de 2 à %1 lettres et chiffres et commence par une lettre (par exemple TOR ou SICK2).</translation>
    </message>
    <message>
        <source>This is a coordinator&apos;s pooled database: its records keep the site codes they arrived with.</source>
        <translation>Ceci est la base de données regroupée d&apos;un coordonnateur : ses dossiers gardent les codes de site avec lesquels ils sont arrivés.</translation>
    </message>
    <message>
        <source>%1 exports already name this site %2; records exported as %3 will not match them at the coordinator. Confirm the change if that is intended.</source>
        <translation>Des exportations (%1) nomment déjà ce site %2 ; les dossiers exportés sous %3 ne leur correspondront pas chez le coordonnateur. Confirmez le changement si c&apos;est voulu.</translation>
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
        <source>site code</source>
        <translation>code du site</translation>
    </message>
    <message>
        <source>Change the site code?</source>
        <translation>Changer le code du site ?</translation>
    </message>
</context>
<context>
    <name>SiteListDialog</name>
    <message>
        <source>Site list</source>
        <translation>Liste des sites</translation>
    </message>
    <message>
        <source>The sites offered in the patient dialog. Only an identified export writes a patient&apos;s clinic; every export writes this installation&apos;s site code instead (Tools → Site code).</source>
        <translation>Les sites proposés dans la fiche du patient. Seule une exportation identifiée écrit la clinique d&apos;un patient&#x202f;; toute exportation écrit plutôt le code de site de cette installation (Outils → Code du site).</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>New site name</source>
        <translation>Nom du nouveau site</translation>
    </message>
    <message>
        <source>&amp;Add site</source>
        <translation>&amp;Ajouter le site</translation>
    </message>
    <message>
        <source>Stop &amp;offering / offer again</source>
        <translation>Ne plus pr&amp;oposer / proposer de nouveau</translation>
    </message>
    <message>
        <source>site list</source>
        <translation>liste des sites</translation>
    </message>
    <message>
        <source>(not offered)</source>
        <translation>(non proposé)</translation>
    </message>
    <message>
        <source>Choose a site in the list first.</source>
        <translation>Choisissez d&apos;abord un site dans la liste.</translation>
    </message>
</context>
<context>
    <name>SkinSection</name>
    <message>
        <source>Skin rash detail, calcinosis, nailfold capillaries, lipoatrophy</source>
        <translation>Détail de l&apos;éruption cutanée, calcinose, capillaires péri-unguéaux, lipoatrophie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finding&lt;/b&gt;</source>
        <translation>&lt;b&gt;Constatation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Present?&lt;/b&gt;</source>
        <translation>&lt;b&gt;Présence&#x202f;?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Change since last visit&lt;/b&gt;</source>
        <translation>&lt;b&gt;Changement depuis la dernière visite&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, change</source>
        <translation>%1, changement</translation>
    </message>
    <message>
        <source>%1: check against the last visit</source>
        <translation>%1 : à vérifier par rapport à la dernière visite</translation>
    </message>
    <message>
        <source>&lt;b&gt;If missing&lt;/b&gt;</source>
        <translation>&lt;b&gt;Si manquant&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 findings answered. Present: %3</source>
        <translation>%1 constatations sur %2 répondues. Présentes : %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <source>Database on a network share</source>
        <translation>Base de données sur un partage réseau</translation>
    </message>
    <message>
        <source>Read only: the database file is damaged.</source>
        <translation>Lecture seule : le fichier de la base de données est endommagé.</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>Le fichier de la base de données est endommagé</translation>
    </message>
    <message>
        <source>Database check</source>
        <translation>Vérification de la base de données</translation>
    </message>
    <message>
        <source>The database file could not be checked for damage (%1). If saving fails, restore the newest backup.</source>
        <translation>Le fichier de la base de données n&apos;a pas pu être vérifié (%1). Si l&apos;enregistrement échoue, restaurez la sauvegarde la plus récente.</translation>
    </message>
    <message>
        <source>Created a new database (schema %1).</source>
        <translation>Nouvelle base de données créée (schéma %1).</translation>
    </message>
    <message>
        <source>The database is up to date (schema %1).</source>
        <translation>La base de données est à jour (schéma %1).</translation>
    </message>
    <message>
        <source>Upgraded the database from schema %1 to %2.</source>
        <translation>Base de données mise à niveau du schéma %1 au schéma %2.</translation>
    </message>
    <message>
        <source>A copy of the database as it was is saved at %1.</source>
        <translation>Une copie de la base de données telle qu&apos;elle était est enregistrée dans %1.</translation>
    </message>
</context>
<context>
    <name>SteroidExposureSection</name>
    <message>
        <source>Steroid exposure and background medicines</source>
        <translation>Exposition aux corticostéroïdes et médicaments de fond</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulses since enrollment</source>
        <translation>Bolus de méthylprednisolone IV depuis l&apos;inscription</translation>
    </message>
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
    <message numerus="yes">
        <source>%n entry(ies) to correct</source>
        <translation>
            <numerusform>%n entrée à corriger</numerusform>
            <numerusform>%n entrées à corriger</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>%1 mg/day</source>
        <translation>%1 mg/jour</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Check and enroll</source>
        <translation>Vérifier et inscrire</translation>
    </message>
    <message>
        <source>Finish saves the enrollment, the arm, the measurements, the doses and the visit schedule together.</source>
        <translation>Terminer enregistre ensemble l&apos;inscription, le bras, les mesures, les doses et le calendrier des visites.</translation>
    </message>
    <message>
        <source>Enrollment summary</source>
        <translation>Résumé de l&apos;inscription</translation>
    </message>
    <message>
        <source>Saving the enrollment</source>
        <translation>Enregistrement de l&apos;inscription</translation>
    </message>
    <message>
        <source>PROVISIONAL — verify against the published plan</source>
        <translation>PROVISOIRE — à vérifier dans le plan publié</translation>
    </message>
    <message>
        <source>Dates: %1</source>
        <translation>Dates : %1</translation>
    </message>
    <message>
        <source>Range %1 to %2 %3</source>
        <translation>Intervalle de %1 à %2 %3</translation>
    </message>
    <message>
        <source>differs from computed %1: %2</source>
        <translation>diffère de la dose calculée de %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#x202f;: %2</translation>
    </message>
    <message>
        <source>(maximum %1 %2 per pulse)</source>
        <translation>(maximum %1 %2 par bolus)</translation>
    </message>
    <message>
        <source>%1 (window %2 to %3)</source>
        <translation>%1 (fenêtre du %2 au %3)</translation>
    </message>
    <message>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non consigné</translation>
    </message>
    <message>
        <source>Patient %1 · %2 (%3)</source>
        <translation>Patient %1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Enrollment date %1 · %2</source>
        <translation>Date d&apos;inscription %1 · %2</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Remarques :</translation>
    </message>
    <message>
        <source>Why this arm:</source>
        <translation>Motif du choix de ce bras :</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Doses</translation>
    </message>
    <message>
        <source>Concomitant</source>
        <translation>Médicaments concomitants</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Sun-protection counselling: %1</source>
        <translation>Counseling sur la protection solaire : %1</translation>
    </message>
    <message>
        <source>Visit schedule</source>
        <translation>Calendrier des visites</translation>
    </message>
    <message>
        <source>%1 (continuing)</source>
        <translation>%1 (poursuivi)</translation>
    </message>
    <message>
        <source>IV methylprednisolone pulse (at provider&apos;s discretion)</source>
        <translation>Bolus de méthylprednisolone IV (à la discrétion du prescripteur)</translation>
    </message>
    <message>
        <source>day</source>
        <translation>jour</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>dose</translation>
    </message>
</context>
<context>
    <name>SunProtectionSection</name>
    <message>
        <source>Sun protection</source>
        <translation>Protection solaire</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 sur %2 renseignés</translation>
    </message>
</context>
<context>
    <name>TIS band</name>
    <message>
        <source>&gt;%1%</source>
        <translation>&gt; %1 %</translation>
    </message>
    <message>
        <source>&gt;%1-%2%</source>
        <translation>&gt; %1-%2 %</translation>
    </message>
    <message>
        <source>&lt;=%1% or worse</source>
        <translation>≤ %1 % ou aggravation</translation>
    </message>
    <message>
        <source>worsened</source>
        <translation>aggravation</translation>
    </message>
</context>
<context>
    <name>TreatmentCourseDialog</name>
    <message>
        <source>given</source>
        <translation>donnée</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>MANQUÉE</translation>
    </message>
    <message>
        <source>due</source>
        <translation>prévue</translation>
    </message>
    <message>
        <source>given off the schedule</source>
        <translation>donnée hors calendrier</translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) late</source>
        <translation>
            <numerusform>, %n jour de retard</numerusform>
            <numerusform>, %n jours de retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n day(s) early</source>
        <translation>
            <numerusform>, %n jour d&apos;avance</numerusform>
            <numerusform>, %n jours d&apos;avance</numerusform>
        </translation>
    </message>
    <message>
        <source>Arm %1</source>
        <translation>Bras %1</translation>
    </message>
    <message>
        <source>Infusions and stopping treatment — %1</source>
        <translation>Perfusions et arrêt du traitement — %1</translation>
    </message>
    <message>
        <source>The arm&apos;s dose dates beside the infusions actually given; an infusion counts for the nearest dose date within half the gap to the next one (at most 14 days).</source>
        <translation>Les dates de dose du bras à côté des perfusions réellement données&#x202f;; une perfusion compte pour la date de dose la plus proche, à moins de la moitié de l&apos;écart avec la suivante (au plus 14 jours).</translation>
    </message>
    <message>
        <source>Record an infusion given</source>
        <translation>Consigner une perfusion donnée</translation>
    </message>
    <message>
        <source>Drug given</source>
        <translation>Médicament donné</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Date d&apos;administration</translation>
    </message>
    <message>
        <source>Dose given</source>
        <translation>Dose donnée</translation>
    </message>
    <message>
        <source>Dose unit</source>
        <translation>Unité de la dose</translation>
    </message>
    <message>
        <source>&amp;Drug:</source>
        <translation>&amp;Médicament :</translation>
    </message>
    <message>
        <source>Given &amp;on:</source>
        <translation>&amp;Donnée le :</translation>
    </message>
    <message>
        <source>Do&amp;se:</source>
        <translation>Do&amp;se :</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>U&amp;nité :</translation>
    </message>
    <message>
        <source>&amp;Record infusion</source>
        <translation>&amp;Consigner la perfusion</translation>
    </message>
    <message>
        <source>Stop the current treatment (any arm)</source>
        <translation>Arrêter le traitement en cours (tout bras)</translation>
    </message>
    <message>
        <source>Date the treatment stopped</source>
        <translation>Date d&apos;arrêt du traitement</translation>
    </message>
    <message>
        <source>Why the treatment stopped</source>
        <translation>Motif de l&apos;arrêt du traitement</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <source>The other reason</source>
        <translation>L&apos;autre motif</translation>
    </message>
    <message>
        <source>Only for Other (not exported when de-identified)</source>
        <translation>Seulement pour Autre (non exporté si les données sont dépersonnalisées)</translation>
    </message>
    <message>
        <source>Stopped on:</source>
        <translation>Arrêté le :</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>Moti&amp;f :</translation>
    </message>
    <message>
        <source>Other reason:</source>
        <translation>Autre motif :</translation>
    </message>
    <message>
        <source>Stopping the treatment</source>
        <translation>Arrêt du traitement</translation>
    </message>
    <message>
        <source>S&amp;top treatment</source>
        <translation>A&amp;rrêter le traitement</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Infusions due and given</source>
        <translation>Perfusions prévues et données</translation>
    </message>
    <message>
        <source>the start of the arm</source>
        <translation>le début du bras</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Enter the date the infusion was given.</source>
        <translation>Inscrire la date à laquelle la perfusion a été donnée.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Non consigné : %1</translation>
    </message>
    <message>
        <source>Enter the date the treatment stopped.</source>
        <translation>Inscrire la date d&apos;arrêt du traitement.</translation>
    </message>
    <message>
        <source>Not stopped: %1</source>
        <translation>Non arrêté : %1</translation>
    </message>
</context>
<context>
    <name>TreatmentPlansDialog</name>
    <message>
        <source>seed</source>
        <translation>article source</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisoire</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>File SHA-256</source>
        <translation>SHA-256 du fichier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Where in the file</source>
        <translation>Endroit dans le fichier</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Raison du refus</translation>
    </message>
    <message>
        <source>Treatment plans</source>
        <translation>Plans de traitement</translation>
    </message>
    <message>
        <source>Plans offered (%1)</source>
        <translation>Plans proposés (%1)</translation>
    </message>
    <message>
        <source>Plans offered</source>
        <translation>Plans proposés</translation>
    </message>
    <message>
        <source>site plan</source>
        <translation>plan du site</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>livré avec le logiciel</translation>
    </message>
    <message>
        <source> — verify before use</source>
        <translation> — à vérifier avant usage</translation>
    </message>
    <message>
        <source>Protocol files refused (%1)</source>
        <translation>Fichiers de protocole refusés (%1)</translation>
    </message>
    <message>
        <source>Protocol files refused: none</source>
        <translation>Fichiers de protocole refusés&#x202f;: aucun</translation>
    </message>
    <message>
        <source>Protocol files refused</source>
        <translation>Fichiers de protocole refusés</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>(fichier entier)</translation>
    </message>
    <message>
        <source>A refused file is not offered; the plans above are used as listed. A site plan is a file in the site&apos;s protocol folder (%1). It may not reuse a shipped plan&apos;s id and version; replacing a shipped plan needs a new version.</source>
        <translation>Un fichier refusé n&apos;est pas proposé&#x202f;; les plans ci-dessus sont utilisés tels que listés. Un plan du site est un fichier du dossier de protocoles du site (%1). Il ne peut pas reprendre l&apos;identifiant et la version d&apos;un plan livré&#x202f;; remplacer un plan livré demande une nouvelle version.</translation>
    </message>
    <message>
        <source>A refused file is not offered; the plans above are used as listed. A site plan is a file in the site&apos;s protocol folder. It may not reuse a shipped plan&apos;s id and version; replacing a shipped plan needs a new version.</source>
        <translation>Un fichier refusé n&apos;est pas proposé&#x202f;; les plans ci-dessus sont utilisés tels que listés. Un plan du site est un fichier du dossier de protocoles du site. Il ne peut pas reprendre l&apos;identifiant et la version d&apos;un plan livré&#x202f;; remplacer un plan livré demande une nouvelle version.</translation>
    </message>
</context>
<context>
    <name>Typed</name>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>« %1 »</translation>
    </message>
</context>
<context>
    <name>UlnDefaultsDialog</name>
    <message>
        <source>Laboratory upper limits of normal</source>
        <translation>Limites supérieures de la normale du laboratoire</translation>
    </message>
    <message>
        <source>Defaults filled in when a result is entered without a ULN. Use your laboratory&apos;s reference limits.</source>
        <translation>Valeurs par défaut utilisées quand un résultat est saisi sans LSN. Utilisez les valeurs de référence de votre laboratoire.</translation>
    </message>
    <message>
        <source>ULN for %1</source>
        <translation>LSN de %1</translation>
    </message>
    <message>
        <source>The ULN for %1 must be a number above 0.</source>
        <translation>La LSN de %1 doit être un nombre supérieur à 0.</translation>
    </message>
</context>
<context>
    <name>UnlockVisitDialog</name>
    <message>
        <source>Unlock signed visit</source>
        <translation>Déverrouiller la visite signée</translation>
    </message>
    <message>
        <source>The visit &lt;b&gt;%1&lt;/b&gt; was signed by %2. Unlocking removes the signature so the visit can be corrected; it must then be signed again. The reason is kept in the audit trail.</source>
        <translation>La visite &lt;b&gt;%1&lt;/b&gt; a été signée par %2. Le déverrouillage retire la signature pour que la visite puisse être corrigée&#x202f;; elle devra ensuite être signée de nouveau. Le motif est conservé dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Reason for unlocking</source>
        <translation>Motif du déverrouillage</translation>
    </message>
    <message>
        <source>Why must this signed visit be changed?</source>
        <translation>Pourquoi cette visite signée doit-elle être modifiée&#x202f;?</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Give the reason for unlocking this signed visit.</source>
        <translation>Donnez le motif du déverrouillage de cette visite signée.</translation>
    </message>
</context>
<context>
    <name>UnscheduledVisitDialog</name>
    <message>
        <source>Add unscheduled visit</source>
        <translation>Ajouter une visite non planifiée</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Date de la visite</translation>
    </message>
    <message>
        <source>the enrollment date</source>
        <translation>la date d&apos;inscription</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Visit &amp;date:</source>
        <translation>&amp;Date de la visite :</translation>
    </message>
    <message>
        <source>Enter the visit date.</source>
        <translation>Entrez la date de la visite.</translation>
    </message>
</context>
<context>
    <name>User accounts check</name>
    <message>
        <source>There is already a user called %1.</source>
        <translation>Il existe déjà un utilisateur nommé %1.</translation>
    </message>
    <message>
        <source>There is no user %1.</source>
        <translation>Il n&apos;y a aucun utilisateur %1.</translation>
    </message>
    <message>
        <source>User accounts already exist; an administrator must add new users.</source>
        <translation>Des comptes d&apos;utilisateur existent déjà ; un administrateur doit ajouter les nouveaux utilisateurs.</translation>
    </message>
    <message>
        <source>%1 is the only active administrator; make someone else an administrator first.</source>
        <translation>Le compte %1 est le seul compte administrateur actif&#x202f;; donnez d&apos;abord le rôle Administrateur à un autre compte.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Vous ne pouvez pas désactiver votre propre compte.</translation>
    </message>
    <message>
        <source>%1 is the only active administrator and cannot be deactivated.</source>
        <translation>Le compte %1 est le seul compte administrateur actif&#xa0;: il ne peut pas être désactivé.</translation>
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
        <translation>Le compte %1 est déverrouillé.</translation>
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
        <translation> Les questions à vérifier sont énumérées ci-dessous : répondez-y ou consignez pourquoi&#x202f;; elles ne changent pas le verdict.</translation>
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
        <source>Reasons</source>
        <translation>Raisons</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Questions à vérifier</translation>
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
    <message>
        <source>Queries (they do not change the verdict):</source>
        <translation>Questions à vérifier (elles ne changent pas le verdict) :</translation>
    </message>
    <message>
        <source>Arm %1 (%2) will not be available: %3</source>
        <translation>Le bras %1 (%2) ne sera pas offert : %3</translation>
    </message>
    <message>
        <source> Restarting previously stopped IVIG may be considered.</source>
        <translation> La reprise d&apos;IgIV déjà arrêtées peut être envisagée.</translation>
    </message>
</context>
<context>
    <name>Visit</name>
    <message>
        <source>Unscheduled %1</source>
        <translation>Visite non planifiée %1</translation>
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
        <source>Keep as draft</source>
        <translation>Garder comme brouillon</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>This visit has changes that are not saved. Save them now; keep them as a draft to finish later (a draft is not part of the visit until it is saved); or discard them and keep the visit as it was last saved?</source>
        <translation>Cette visite a des modifications non enregistrées. Les enregistrer maintenant&#x202f;; les garder comme brouillon pour terminer plus tard (un brouillon ne fait pas partie de la visite tant qu&apos;il n&apos;est pas enregistré)&#x202f;; ou les abandonner et garder la visite telle qu&apos;elle a été enregistrée la dernière fois&#x202f;?</translation>
    </message>
    <message>
        <source>Unsaved entries from %1 were recovered from the draft. Save to keep them.</source>
        <translation>Des saisies non enregistrées du %1 ont été récupérées du brouillon. Enregistrez pour les conserver.</translation>
    </message>
    <message>
        <source>Unsaved entries from %1 were recovered from the copy kept in %2 when the disk was full. Save to keep them.</source>
        <translation>Des saisies non enregistrées du %1 ont été récupérées de la copie conservée dans %2 quand le disque était plein. Enregistrez pour les conserver.</translation>
    </message>
    <message>
        <source>%1 — %2 visit</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sign this completed visit (clinicians).</source>
        <translation>Signer cette visite complète (cliniciens).</translation>
    </message>
    <message>
        <source>Only a clinician may sign a visit.</source>
        <translation>Seul un clinicien peut signer une visite.</translation>
    </message>
    <message>
        <source>This visit is signed: it is shown read-only.</source>
        <translation>Cette visite est signée : elle est affichée en lecture seule.</translation>
    </message>
    <message>
        <source>a clinician</source>
        <translation>un clinicien</translation>
    </message>
    <message>
        <source>Signature removed: changes now need a reason and a new signature.</source>
        <translation>Signature retirée : les modifications exigent maintenant un motif et une nouvelle signature.</translation>
    </message>
    <message>
        <source>no arm yet</source>
        <translation>pas encore de bras</translation>
    </message>
    <message>
        <source>Arm %1</source>
        <translation>Bras %1</translation>
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
    <message>
        <source>Draft not saved: %1</source>
        <translation>Brouillon non enregistré : %1</translation>
    </message>
    <message>
        <source>Draft saved automatically.</source>
        <translation>Brouillon enregistré automatiquement.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries need correcting before saving:</source>
        <translation>
            <numerusform>%n saisie doit être corrigée avant l&apos;enregistrement :</numerusform>
            <numerusform>%n saisies doivent être corrigées avant l&apos;enregistrement :</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason for change</source>
        <translation>Motif de la modification</translation>
    </message>
    <message>
        <source>This visit is complete. Why is it being changed?</source>
        <translation>Cette visite est complète. Pourquoi est-elle modifiée&#x202f;?</translation>
    </message>
    <message>
        <source>Not saved: a completed visit needs a reason for change.</source>
        <translation>Non enregistrée : une visite complète exige un motif de modification.</translation>
    </message>
    <message numerus="yes">
        <source>Saved (%n item changes).</source>
        <translation>
            <numerusform>Enregistrée (%n élément modifié).</numerusform>
            <numerusform>Enregistrée (%n éléments modifiés).</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct these first:</source>
        <translation>Corrigez d&apos;abord ceci :</translation>
    </message>
    <message numerus="yes">
        <source>Not complete: %n required item(s) with neither a value nor a reason.</source>
        <translation>
            <numerusform>Non complète : %n élément requis n&apos;a ni valeur ni motif.</numerusform>
            <numerusform>Non complète : %n éléments requis n&apos;ont ni valeur ni motif.</numerusform>
        </translation>
    </message>
    <message>
        <source>Visit marked complete.</source>
        <translation>Visite marquée comme complète.</translation>
    </message>
    <message>
        <source>What you typed is still in this form.</source>
        <translation>Ce que vous avez saisi est toujours dans ce formulaire.</translation>
    </message>
    <message>
        <source>Close visit</source>
        <translation>Fermer la visite</translation>
    </message>
    <message>
        <source>Not closed: what you typed is only in this window. Close it again to discard it.</source>
        <translation>Non fermée : ce que vous avez saisi n&apos;existe que dans cette fenêtre. Fermez-la de nouveau pour l&apos;abandonner.</translation>
    </message>
</context>
<context>
    <name>VisitSection</name>
    <message>
        <source>Not done</source>
        <translation>Non fait</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>S.O.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>If this is left blank, say why: not done, not applicable or unknown.</source>
        <translation>Si ce champ reste vide, dites pourquoi : non fait, sans objet ou inconnu.</translation>
    </message>
    <message>
        <source>Reason missing</source>
        <translation>Raison du manque</translation>
    </message>
    <message>
        <source>%1 must be a number; &quot;%2&quot; was entered.</source>
        <translation>%1 doit être un nombre&#x202f;; « %2 » a été saisi.</translation>
    </message>
    <message>
        <source>the date of birth</source>
        <translation>la date de naissance</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>No value: the entry beside the scale is blank or cannot be used.</source>
        <translation>Aucune valeur : la saisie à côté de l&apos;échelle est vide ou inutilisable.</translation>
    </message>
    <message>
        <source>%1 slider</source>
        <translation>%1, curseur</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Study id</source>
        <translation>Identifiant d&apos;étude</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Date cible</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Date de la visite</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>EN RETARD</translation>
    </message>
    <message>
        <source>due</source>
        <translation>à faire</translation>
    </message>
</context>
<context>
    <name>VisitTimelineWidget</name>
    <message>
        <source>Visit timeline</source>
        <translation>Calendrier des visites</translation>
    </message>
    <message>
        <source>Open v&amp;isit</source>
        <translation>Ouvrir la v&amp;isite</translation>
    </message>
    <message>
        <source>Open the selected visit (Enter on the list does the same).</source>
        <translation>Ouvrir la visite choisie (Entrée dans la liste fait de même).</translation>
    </message>
    <message>
        <source>&amp;Add unscheduled visit…</source>
        <translation>&amp;Ajouter une visite non planifiée…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n visit(s) complete</source>
        <translation>
            <numerusform>Visites terminées : %1 sur %n</numerusform>
            <numerusform>Visites terminées : %1 sur %n</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message>
        <source>This patient has no enrollment to add a visit to.</source>
        <translation>Ce patient n&apos;a aucune inscription à laquelle ajouter une visite.</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>Global assessments (mark the 10 cm line, then measure)</source>
        <translation>Évaluations globales (marquer la ligne de 10 cm, puis mesurer)</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>CMAS — Childhood Myositis Assessment Scale (0-52)</source>
        <translation>CMAS — échelle d’évaluation de la myosite de l’enfant (0-52)</translation>
    </message>
    <message>
        <source>CMAS item</source>
        <translation>Item du CMAS</translation>
    </message>
    <message>
        <source>Score (tick one)</source>
        <translation>Score (cocher une case)</translation>
    </message>
    <message>
        <source>Seconds / score</source>
        <translation>Secondes / score</translation>
    </message>
    <message>
        <source>0 Unable</source>
        <translation>0 Incapable</translation>
    </message>
    <message>
        <source>score ____</source>
        <translation>score ____</translation>
    </message>
    <message>
        <source>CHAQ — 0 without difficulty, 1 some, 2 much, 3 unable</source>
        <translation>CHAQ — 0 sans difficulté, 1 quelque difficulté, 2 beaucoup de difficulté, 3 incapable</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Aids or devices:</source>
        <translation>Aides ou appareils :</translation>
    </message>
    <message>
        <source>Help from another person for:</source>
        <translation>Aide d’une autre personne pour :</translation>
    </message>
    <message>
        <source>Dressing and grooming</source>
        <translation>S’habiller et se préparer</translation>
    </message>
    <message>
        <source>Gripping and opening things</source>
        <translation>Saisir et ouvrir des objets</translation>
    </message>
    <message>
        <source>Errands and chores</source>
        <translation>Courses et tâches ménagères</translation>
    </message>
    <message>
        <source>MMT8 — variant:</source>
        <translation>MMT8 — variante :</translation>
    </message>
    <message>
        <source>unilateral (0-80)</source>
        <translation>unilatéral (0-80)</translation>
    </message>
    <message>
        <source>bilateral (0-150)</source>
        <translation>bilatéral (0-150)</translation>
    </message>
    <message>
        <source>Muscle group (Kendall 0-10)</source>
        <translation>Groupe musculaire (Kendall 0-10)</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <source>Neck / axial</source>
        <translation>Cou / axial</translation>
    </message>
    <message>
        <source>Neck flexors</source>
        <translation>Fléchisseurs du cou</translation>
    </message>
    <message>
        <source>Middle deltoid</source>
        <translation>Deltoïde moyen</translation>
    </message>
    <message>
        <source>Biceps brachii</source>
        <translation>Biceps brachial</translation>
    </message>
    <message>
        <source>Gluteus maximus</source>
        <translation>Grand fessier</translation>
    </message>
    <message>
        <source>Gluteus medius</source>
        <translation>Moyen fessier</translation>
    </message>
    <message>
        <source>Quadriceps</source>
        <translation>Quadriceps</translation>
    </message>
    <message>
        <source>Wrist extensors</source>
        <translation>Extenseurs du poignet</translation>
    </message>
    <message>
        <source>Ankle dorsiflexors</source>
        <translation>Fléchisseurs dorsaux de la cheville</translation>
    </message>
    <message>
        <source>Muscle enzymes — blood collected on: ____________</source>
        <translation>Enzymes musculaires — prélèvement le : ____________</translation>
    </message>
    <message>
        <source>Enzyme</source>
        <translation>Enzyme</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit (U/L or µkat/L)</source>
        <translation>Unité (U/L ou µkat/L)</translation>
    </message>
    <message>
        <source>Lab upper limit of normal</source>
        <translation>Limite supérieure de la normale du laboratoire</translation>
    </message>
    <message>
        <source>ULN unit</source>
        <translation>Unité LSN</translation>
    </message>
    <message>
        <source>Aldolase</source>
        <translation>Aldolase</translation>
    </message>
    <message>
        <source>Skin (MDAAT cutaneous items)</source>
        <translation>Peau (items cutanés du MDAAT)</translation>
    </message>
    <message>
        <source>Skin finding</source>
        <translation>Atteinte cutanée</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Change since last visit</source>
        <translation>Changement depuis la dernière visite</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>CDASI activity (erythema 0-3, scale 0-2, erosion/ulceration 0-1)</source>
        <translation>Activité CDASI (érythème 0-3, squames 0-2, érosion/ulcération 0-1)</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Erythema</source>
        <translation>Érythème</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Squames</translation>
    </message>
    <message>
        <source>Erosion/ulceration</source>
        <translation>Érosion/ulcération</translation>
    </message>
    <message>
        <source>Scalp</source>
        <translation>Cuir chevelu</translation>
    </message>
    <message>
        <source>Malar area</source>
        <translation>Région malaire</translation>
    </message>
    <message>
        <source>Periorbital</source>
        <translation>Région périorbitaire</translation>
    </message>
    <message>
        <source>Rest of the face</source>
        <translation>Reste du visage</translation>
    </message>
    <message>
        <source>V-area of the neck (front)</source>
        <translation>Zone en V du cou (face antérieure)</translation>
    </message>
    <message>
        <source>Posterior neck</source>
        <translation>Nuque</translation>
    </message>
    <message>
        <source>Upper back and shoulders</source>
        <translation>Haut du dos et épaules</translation>
    </message>
    <message>
        <source>Rest of back and buttocks</source>
        <translation>Reste du dos et fesses</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Lateral upper thigh</source>
        <translation>Face latérale de la cuisse</translation>
    </message>
    <message>
        <source>Rest of leg and feet</source>
        <translation>Reste de la jambe et pieds</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Bras</translation>
    </message>
    <message>
        <source>Mechanic&apos;s hand</source>
        <translation>Mains de mécanicien</translation>
    </message>
    <message>
        <source>Dorsum of hands (not over joints)</source>
        <translation>Dos des mains (hors articulations)</translation>
    </message>
    <message>
        <source>Gottron&apos;s, not on the hands</source>
        <translation>Gottron, ailleurs que sur les mains</translation>
    </message>
    <message>
        <source>Gottron&apos;s papules on the hands (erythema doubled if papules; papules present: yes / no)</source>
        <translation>Papules de Gottron sur les mains (érythème doublé si papules ; papules présentes : oui / non)</translation>
    </message>
    <message>
        <source>Periungual changes (0-2)</source>
        <translation>Changements péri-unguéaux (0-2)</translation>
    </message>
    <message>
        <source>Recent hair loss, last 30 days (0-1)</source>
        <translation>Perte de cheveux récente, 30 derniers jours (0-1)</translation>
    </message>
    <message>
        <source>Sun protection</source>
        <translation>Protection solaire</translation>
    </message>
    <message>
        <source>Counselling given:</source>
        <translation>Conseils donnés :</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Adherence since the last visit:</source>
        <translation>Observance depuis la dernière visite :</translation>
    </message>
    <message>
        <source>Muscle MRI</source>
        <translation>IRM musculaire</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Faite :</translation>
    </message>
    <message>
        <source>   Date: ____________   Active myositis:</source>
        <translation>   Date : ____________   Myosite active :</translation>
    </message>
    <message>
        <source>Autoantibodies</source>
        <translation>Autoanticorps</translation>
    </message>
    <message>
        <source>Autoantibody</source>
        <translation>Autoanticorps</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Signes vitaux</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>µmol/L or mg/dL</source>
        <translation>µmol/L ou mg/dL</translation>
    </message>
    <message>
        <source>Medications taken</source>
        <translation>Médicaments pris</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Médicament</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Steroid exposure and background medicines</source>
        <translation>Exposition aux corticostéroïdes et médicaments de fond</translation>
    </message>
    <message>
        <source>Adverse events since the last visit</source>
        <translation>Événements indésirables depuis la dernière visite</translation>
    </message>
    <message>
        <source>Adverse event</source>
        <translation>Événement indésirable</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Resolved (blank = ongoing)</source>
        <translation>Résolu (vide = en cours)</translation>
    </message>
    <message>
        <source>Serious?</source>
        <translation>Grave ?</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Mesure prise</translation>
    </message>
</context>
</TS>
