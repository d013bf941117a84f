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
</context>
<context>
    <name>ChoiceWithOther</name>
    <message>
        <source>Other (type it below; not exported when de-identified)</source>
        <translation>Autre (à saisir ci-dessous; non exporté lorsque dépersonnalisé)</translation>
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
        <source>The new language is used from the next start of jdm-ctp. Exports, printed summaries and the command line stay in English.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de jdm-ctp. Les exportations, les résumés imprimés et la ligne de commande restent en anglais.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
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
        <translation>&amp;Code du site…</translation>
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
        <source>The new language is used from the next start.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage.</translation>
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
