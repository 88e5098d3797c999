// Every message a user can see from the core, in English and French, in one table.
// Hosts turn an AgeBucketError into `#VALUE! <message>` (Sheets) or a CustomFunctions.Error
// (Excel); the pane shows `localized(language)`.

export type Language = 'en' | 'fr';

/** A parameter is a text, a number, or a text in both languages (a stage the user named, a percentage). */
type Params = Record<string, string | number | { readonly en: string; readonly fr: string }>;
type Template = { readonly en: string; readonly fr: string };

export const messages = {
  dateUnreadable: {
    en: '"{value}" is not a date: use YYYY-MM-DD, DD/MM/YYYY or a date cell',
    fr: "« {value} » n'est pas une date : utilisez AAAA-MM-JJ, JJ/MM/AAAA ou une cellule date",
  },
  dateNoSuchMonth: {
    en: '"{value}" is not a real date: there is no month {month}',
    fr: "« {value} » n'est pas une date réelle : il n'y a pas de mois {month}",
  },
  dateNoSuchDay: {
    en: '"{value}" is not a real date: month {month} of {year} has {days} days, not {day}',
    fr: "« {value} » n'est pas une date réelle : le mois {month} de {year} a {days} jours, pas {day}",
  },
  dateTwoDigitYear: {
    en: '"{value}" has a two-digit year, which does not say its century: write the year in four digits (2026)',
    fr: '« {value} » a une année à deux chiffres, qui ne dit pas son siècle : écrivez l’année en quatre chiffres (2026)',
  },
  dateFakeLeapDay: {
    en: 'serial 60 is 29 February 1900, a day that never existed (Excel keeps it for Lotus 1-2-3 compatibility): enter the real date',
    fr: "le numéro de série 60 est le 29 février 1900, un jour qui n'a jamais existé (Excel le garde pour Lotus 1-2-3) : saisissez la vraie date",
  },
  serialOutOfRange: {
    en: '{value} is outside the dates a spreadsheet can hold (1900-01-01 to 9999-12-31)',
    fr: "{value} est hors des dates qu'un tableur connaît (1900-01-01 à 9999-12-31)",
  },
  notADateValue: {
    en: 'a {kind} is not a date',
    fr: "une valeur {kind} n'est pas une date",
  },
  amountUnreadable: {
    en: '"{value}" is not an amount: use a number such as 1234.56 or 1 234,56 €',
    fr: "« {value} » n'est pas un montant : utilisez un nombre comme 1 234,56 € ou 1234.56",
  },
  amountNotFinite: {
    en: '{value} is not a finite amount',
    fr: "{value} n'est pas un montant fini",
  },
  amountTooLarge: {
    en: '{value} is too large to be counted to the cent',
    fr: '{value} est trop grand pour être compté au centime',
  },
  notAnAmountValue: {
    en: 'a {kind} is not an amount',
    fr: "une valeur {kind} n'est pas un montant",
  },
  cellError: {
    en: 'the cell holds an error ({value})',
    fr: 'la cellule contient une erreur ({value})',
  },
  currencyUnreadable: {
    en: '"{value}" is not a currency code: use three letters such as EUR, USD or GBP',
    fr: "« {value} » n'est pas un code devise : utilisez trois lettres comme EUR, USD ou GBP",
  },
  dateMissing: {
    en: 'the date is blank',
    fr: 'la date est vide',
  },
  amountMissing: {
    en: 'the amount is blank',
    fr: 'le montant est vide',
  },
  customerBlank: {
    en: 'the customer is blank',
    fr: 'le client est vide',
  },
  boundariesEmpty: {
    en: 'give at least one bucket boundary, such as 30, 60, 90',
    fr: 'indiquez au moins une limite de tranche, par exemple 30, 60, 90',
  },
  boundaryNotWhole: {
    en: 'bucket boundary "{value}" must be a positive whole number of days',
    fr: 'la limite de tranche « {value} » doit être un nombre entier positif de jours',
  },
  boundariesNotAscending: {
    en: 'bucket boundaries must go up: {value} is not above {previous}',
    fr: "les limites de tranches doivent croître : {value} n'est pas supérieur à {previous}",
  },
  labelsCount: {
    en: '{count} labels given for {expected} buckets: give one label per bucket ({expected}), from "not due" to the oldest',
    fr: '{count} libellés pour {expected} tranches : donnez un libellé par tranche ({expected}), de « non échu » à la plus ancienne',
  },
  labelsDuplicate: {
    en: 'bucket label "{value}" is used twice: each bucket needs its own label',
    fr: 'le libellé de tranche « {value} » est utilisé deux fois : chaque tranche a besoin du sien',
  },
  termsUnknown: {
    en: 'payment terms "{value}" are not understood: use e.g. "30 days", "45 end of month", "end of month + 45" or "cash"',
    fr: 'conditions de paiement « {value} » non comprises : utilisez par ex. « 30 jours », « 45 jours fin de mois », « fin de mois + 45 » ou « comptant »',
  },
  termsTooLong: {
    en: 'payment terms "{value}" exceed {max} days',
    fr: 'les conditions de paiement « {value} » dépassent {max} jours',
  },
  rowError: {
    en: 'row {row}: {message}',
    fr: 'ligne {row} : {message}',
  },
  columnsLength: {
    en: 'the {name} range has {count} rows but the customers range has {expected}: give ranges of the same height',
    fr: 'la plage {name} a {count} lignes mais la plage des clients en a {expected} : donnez des plages de même hauteur',
  },
  argumentNotOneCell: {
    en: '{name} must be one cell, not a range',
    fr: '{name} doit être une seule cellule, pas une plage',
  },
  argumentInvalid: {
    en: '{name}: {reason}',
    fr: '{name} : {reason}',
  },
  argumentTwoColumns: {
    en: '{name} must be a range of two columns',
    fr: '{name} doit être une plage de deux colonnes',
  },
  probabilityNotFraction: {
    en: 'probability {value} must be between 0 and 1 (use 0.95 for 95 %)',
    fr: 'la probabilité {value} doit être entre 0 et 1 (0,95 pour 95 %)',
  },
  shapesDiffer: {
    en: '{name} must be one cell or a range of the same size as {other} ({rows}×{columns})',
    fr: '{name} doit être une cellule ou une plage de même taille que {other} ({rows}×{columns})',
  },
  jurisdictionUnknown: {
    en: 'jurisdiction "{value}" is not known: use FR, EU, DE or UK',
    fr: 'juridiction « {value} » inconnue : utilisez FR, EU, DE ou UK',
  },
  rateNotCovered: {
    en: 'no statutory {jurisdiction} rate is on file for {halfYear} ({date}); rates cover {first} to {last}: enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file (it is saved in the workbook)',
    fr: "aucun taux légal {jurisdiction} n'est connu pour le {halfYear} ({date}) ; les taux connus vont du {first} au {last} : saisissez le taux en vigueur dans le volet, Relances › Politique › Taux légaux manquants (il est enregistré dans le classeur)",
  },
  rateNotCoveredGrouped: {
    en: 'no statutory {jurisdiction} rate is on file for {halfYear}; rates cover {first} to {last}: enter the rate in force in the pane, Dunning › Policy › Statutory rates not on file (it is saved in the workbook)',
    fr: "aucun taux légal {jurisdiction} n'est connu pour le {halfYear} ; les taux connus vont du {first} au {last} : saisissez le taux en vigueur dans le volet, Relances › Politique › Taux légaux manquants (il est enregistré dans le classeur)",
  },
  accountsOne: { en: '1 account: {names}', fr: '1 compte : {names}' },
  accountsAll: { en: '{count} accounts: {names}', fr: '{count} comptes : {names}' },
  accountsFirst: { en: '{count} accounts: {names} and {others} more', fr: '{count} comptes : {names} et {others} autres' },
  rateInvalid: {
    en: 'annual rate "{value}" must be a number of 0 or more, such as 0.1215',
    fr: 'le taux annuel « {value} » doit être un nombre positif ou nul, par ex. 0,1215',
  },
  rateLooksLikePercentage: {
    en: 'annual rate {value} looks like a percentage: give it as a fraction ({fraction}) or as {value}%',
    fr: 'le taux annuel {value} ressemble à un pourcentage : donnez-le en fraction ({fraction}) ou en {value} %',
  },
  policyInvalid: {
    en: 'dunning policy: {reason}',
    fr: 'politique de relance : {reason}',
  },
  ledgerColumnsMissing: {
    en: 'the ledger needs these columns: {roles} (map them in the pane)',
    fr: 'le tableau des créances doit avoir ces colonnes : {colonnes} (associez-les dans le volet)',
  },
  inColumn: {
    en: '{column}: {message}',
    fr: '{colonne} : {message}',
  },
  dateNotMonthFirst: {
    en: '"{value}" is day-first, but the rest of this column is month-first (dates over 12 in the second place prove it): correct this date',
    fr: '« {value} » est au format jour/mois, mais le reste de la colonne est au format mois/jour (des dates ont plus de 12 en deuxième position) : corrigez cette date',
  },
  dateNotDayFirst: {
    en: '"{value}" is month-first, but the rest of this column is day-first (dates over 12 in the first place prove it): correct this date',
    fr: '« {value} » est au format mois/jour, mais le reste de la colonne est au format jour/mois (des dates ont plus de 12 en première position) : corrigez cette date',
  },
  directionUnreadable: {
    en: '"{value}" is not a debit/credit direction: use D or C',
    fr: "« {value} » n'est pas un sens débit/crédit : utilisez D ou C",
  },
  csvQuoteNeverCloses: {
    en: 'line {line}: a quote opens and never closes, so the rest of the file would be one cell: close the quote or remove it, then import again',
    fr: 'ligne {line} : un guillemet s’ouvre et ne se ferme jamais, le reste du fichier tiendrait dans une cellule : fermez ou supprimez ce guillemet, puis importez de nouveau',
  },
  fileNoDecoder: {
    en: 'this browser cannot decode text files: import the file from a current browser, or open it in Excel and read the sheet',
    fr: 'ce navigateur ne sait pas décoder les fichiers texte : importez le fichier depuis un navigateur récent, ou ouvrez-le dans Excel et lisez la feuille',
  },
  fileUtf16: {
    en: 'this file is UTF-16 text: save it again as UTF-8 or as CSV from Excel, then import it',
    fr: 'ce fichier est du texte UTF-16 : enregistrez-le de nouveau en UTF-8 ou en CSV depuis Excel, puis importez-le',
  },
  fileXls: {
    en: 'old Excel .xls files cannot be read here: open the file in Excel or Sheets and save it as .xlsx or CSV, then import that',
    fr: 'les anciens fichiers Excel .xls ne se lisent pas ici : ouvrez le fichier dans Excel ou Sheets, enregistrez-le en .xlsx ou CSV, puis importez celui-ci',
  },
  fileType: {
    en: '"{name}" is not a file AgeBucket reads: import a .csv, .txt, .tsv or .xlsx file, or a FEC',
    fr: '« {name} » n’est pas un fichier que lit AgeBucket : importez un fichier .csv, .txt, .tsv ou .xlsx, ou un FEC',
  },
  fileEmpty: {
    en: '"{name}" is empty',
    fr: '« {name} » est vide',
  },
  fileNoLedger: {
    en: 'no ledger found in "{name}" ({encoding}): the first {rows} lines name no customer, date or amount column. If the accents look wrong ({sample}), the file may not be {encoding}; otherwise pick the header row and map the columns',
    fr: 'aucun tableau de créances dans « {name} » ({encoding}) : les {rows} premières lignes ne nomment ni client, ni date, ni montant. Si les accents semblent faux ({sample}), le fichier n’est peut-être pas en {encoding} ; sinon choisissez la ligne d’en-tête et associez les colonnes',
  },
  fileXlsxUnreadable: {
    en: '"{name}" cannot be opened as an Excel workbook ({reason}): open it in Excel and save it again as .xlsx or CSV',
    fr: '« {name} » ne s’ouvre pas comme un classeur Excel ({reason}) : ouvrez-le dans Excel et enregistrez-le de nouveau en .xlsx ou CSV',
  },
  fecColumnsMissing: {
    en: 'this FEC lacks the columns {columns} (article A47 A-1 of the Livre des procédures fiscales lists 18): export the FEC again from the accounting software',
    fr: 'ce FEC n’a pas les colonnes {columns} (l’article A47 A-1 du Livre des procédures fiscales en prévoit 18) : exportez de nouveau le FEC depuis le logiciel comptable',
  },
  fecNoReceivables: {
    en: 'this FEC has no customer account lines (411…) booked by {date}',
    fr: 'ce FEC n’a aucune ligne de compte client (411…) comptabilisée au {date}',
  },
  directionDisagrees: {
    en: 'the amount is negative but marked as a debit ({value}): give the amount without its sign',
    fr: 'le montant est négatif mais marqué au débit ({value}) : indiquez le montant sans signe',
  },
  logColumnMissing: {
    en: 'the dunning log needs a "{column}" column ("{french}" in French)',
    fr: 'le journal des relances doit avoir une colonne « {french} » (« {column} » en anglais)',
  },
  reasonNoOpenInvoices: {
    en: 'nothing owed: only credit notes or payments are open',
    fr: 'rien à recouvrer : seuls des avoirs ou règlements sont ouverts',
  },
  reasonNotDue: {
    en: 'nothing due yet for a reminder',
    fr: "rien d'échu à relancer",
  },
  reasonDisputed: {
    en: 'all overdue invoices are disputed',
    fr: 'toutes les factures échues sont en litige',
  },
  reasonPromise: {
    en: 'promise to pay until {date}',
    fr: "promesse de paiement jusqu'au {date}",
  },
  reasonBelowMinimum: {
    en: 'owes {amount}, below the minimum of {minimum}',
    fr: 'doit {amount}, sous le minimum de {minimum}',
  },
  reasonCovered: {
    en: 'covered by its own open credit notes and payments ({credits})',
    fr: 'couvert par ses avoirs et règlements non soldés ({credits})',
  },
  reasonAlreadySent: {
    en: '{stage} already sent on {date}; the next stage starts at {nextDay} days overdue',
    fr: '{stage} déjà envoyée le {date} ; le niveau suivant commence à {nextDay} jours de retard',
  },
  reasonAlreadySentLast: {
    en: '{stage} already sent on {date}; it is the last stage',
    fr: "{stage} déjà envoyée le {date} ; c'est le dernier niveau",
  },
  reasonTooSoon: {
    en: 'reminded {days} days ago ({stage}, {date}); next reminder possible on {next}',
    fr: 'relancé il y a {days} jours ({stage}, {date}) ; prochaine relance possible le {next}',
  },
  // The dunning log as the plan's memory: rows it cannot read, outcomes refused at entry.
  logStageBlank: {
    en: 'the stage is blank: write the stage sent, or an outcome such as "Promise to pay" or "Dispute"',
    fr: 'le niveau est vide : indiquez le niveau envoyé, ou un résultat comme « Promesse de paiement » ou « Litige »',
  },
  logStageUnknown: {
    en: '"{stage}" is neither a stage of the dunning policy nor a call outcome: correct the name',
    fr: '« {stage} » n’est ni un niveau de la politique de relance ni un résultat d’appel : corrigez le nom',
  },
  logPromiseNoDate: {
    en: 'a promise to pay with no date: write the promised date in the "Promised for" column',
    fr: 'une promesse de paiement sans date : indiquez la date promise dans la colonne « Promis pour le »',
  },
  logRowUnreadable: {
    en: 'dunning log, row {row}: {message}',
    fr: 'journal des relances, ligne {row} : {message}',
  },
  reasonLogUnreadable: {
    en: 'held for review: the dunning log cannot be read at row {rows} ({message}); correct the row, then build the plan again',
    fr: 'en attente de vérification : le journal des relances est illisible ligne {rows} ({message}) ; corrigez la ligne, puis établissez à nouveau le plan',
  },
  disputeNeedsReason: {
    en: 'a dispute needs a reason (what the customer contests), so that it can be resolved',
    fr: 'un litige doit avoir un motif (ce que le client conteste), pour pouvoir être résolu',
  },
  disputeNeedsInvoice: {
    en: 'a dispute needs the invoice(s) it is about: the rest of the account is still chased',
    fr: 'un litige doit indiquer la ou les factures concernées : le reste du compte est toujours relancé',
  },
  disputeUnknownInvoice: {
    en: 'invoice {invoice} is not open on the account of {customer}: check the number',
    fr: 'la facture {invoice} n’est pas ouverte sur le compte de {customer} : vérifiez le numéro',
  },
  promiseNeedsDate: {
    en: 'a promise to pay needs the date by which the customer will pay',
    fr: 'une promesse de paiement doit indiquer la date à laquelle le client paiera',
  },
  promiseInPast: {
    en: 'the promised date ({date}) is before the plan’s date ({asOf}): a promise runs to today or later',
    fr: 'la date promise ({date}) est antérieure à la date du plan ({asOf}) : une promesse court jusqu’à aujourd’hui ou plus tard',
  },
  ruleFirstRunAge: {
    en: 'first run (no log rows for this account): started at the stage the age calls for',
    fr: 'premier passage (aucune ligne au journal pour ce compte) : niveau correspondant à l’ancienneté',
  },
  ruleFirstRunOneStage: {
    en: 'first run (no log rows for this account): escalates one stage at a time from the first reminder',
    fr: 'premier passage (aucune ligne au journal pour ce compte) : progression d’un niveau à la fois depuis la première relance',
  },
  ruleRefersToFirstLetter: {
    en: 'first letter for these invoices: {missing} first — the “{stage}” letter refers to it',
    fr: 'première lettre pour ces factures : {missing} d’abord — la lettre « {stage} » y fait référence',
  },
  ruleRefersToMissing: {
    en: 'the dunning log shows no {missing} about these invoices: {missing} first — the “{stage}” letter refers to it',
    fr: 'le journal des relances ne montre pas de {missing} pour ces factures : {missing} d’abord — la lettre « {stage} » y fait référence',
  },
  ruleJoinsCollection: {
    en: '{invoices} fell overdue after the account’s other invoices ({file}) were referred for collection on {date}: they join the file on their own, {stage} now, listed alone; the file’s invoices are not claimed again',
    fr: '{invoices} sont échues après la transmission au contentieux des autres factures du compte ({file}) le {date} : elles rejoignent seules le dossier, {stage} maintenant, listées seules ; les factures du dossier ne sont pas réclamées de nouveau',
  },
  ruleRefersToMissingFor: {
    en: 'the dunning log shows no {missing} about {invoices}: {missing} first, for every invoice of the account — the “{stage}” letter refers to it',
    fr: 'le journal des relances ne montre pas de {missing} pour {invoices} : {missing} d’abord, pour toutes les factures du compte — la lettre « {stage} » y fait référence',
  },
  interestNotClaimed: {
    en: 'interest not claimed',
    fr: 'pénalités de retard non réclamées',
  },
  ruleNewCycle: {
    en: 'new invoices, in no reminder logged before: they start at the first overdue stage',
    fr: 'factures nouvelles, absentes des relances déjà notées : elles commencent au premier niveau après échéance',
  },
  ruleOpeningBalance: {
    en: 'no interest and no recovery fee on {invoices}: an opening balance (à-nouveau) with no known due date',
    fr: 'ni pénalités ni indemnité sur {invoices} : à-nouveau sans échéance connue',
  },
  ruleBrokenPromiseLedger: {
    en: 'promise to pay by {date} (from the ledger’s promise column) not kept: dunning resumes',
    fr: 'promesse de paiement pour le {date} (colonne promesse du grand livre) non tenue : la relance reprend',
  },
  ruleBrokenPromise: {
    en: 'promise to pay by {date} (logged on {logged}) not kept: dunning resumes',
    fr: 'promesse de paiement pour le {date} (notée le {logged}) non tenue : la relance reprend',
  },
  templateUnknownPlaceholder: {
    en: 'template "{stage}" ({language}, {part}): unknown placeholder {{{name}}}; see the list of placeholders in the Templates sheet',
    fr: 'modèle « {stage} » ({language}, {part}) : champ inconnu {{{name}}} ; voir la liste des champs dans la feuille Modèles',
  },
  templateSyntax: {
    en: 'template "{stage}" ({language}, {part}) cannot be read: {reason}',
    fr: 'le modèle « {stage} » ({language}, {part}) est illisible : {reason}',
  },
  templateMissing: {
    en: 'no letter template for stage "{stage}" ({language}): add one in the Templates sheet',
    fr: 'aucun modèle de lettre pour le niveau « {stage} » ({language}) : ajoutez-en un dans la feuille Modèles',
  },
  curveInvalid: {
    en: 'collection curve: {reason}',
    fr: 'courbe de recouvrement : {reason}',
  },
  daysNotANumber: {
    en: '"{value}" is not a number of days',
    fr: "« {value} » n'est pas un nombre de jours",
  },
  salesNotPositive: {
    en: 'sales of the period must be above zero to compute DSO',
    fr: "le chiffre d'affaires de la période doit être positif pour calculer le DSO",
  },
  periodNotPositive: {
    en: 'the DSO period must be a positive number of days',
    fr: 'la période du DSO doit être un nombre de jours positif',
  },
  delaysClosingDate: {
    en: 'payment-delays table: enter the closing date of the financial year ({message})',
    fr: "tableau des délais de paiement : saisissez la date de clôture de l'exercice ({message})",
  },
  delaysYearStart: {
    en: 'payment-delays table: the first day of the year must be a date before the closing date ({message})',
    fr: "tableau des délais de paiement : le premier jour de l'exercice doit être une date avant la clôture ({message})",
  },
  delaysAmountInput: {
    en: 'payment-delays table: {field}: {message}',
    fr: 'tableau des délais de paiement : {champ} : {message}',
  },
  delaysNeedsInvoiceDate: {
    en: 'legal terms are counted from the invoice date: this row has none (map the invoice date column)',
    fr: "les délais légaux se comptent depuis la date de facture : cette ligne n'en a pas (indiquez la colonne date facture)",
  },
  delaysNeedsPaidDates: {
    en: 'section II counts invoices paid late during the year: the {ledger} needs a paid-date column, or import the FEC in the pane (its matching codes date the payments)',
    fr: "la section II compte les factures payées en retard dans l'exercice : le {grandLivre} doit avoir une colonne date de règlement, ou importez le FEC dans le volet (son lettrage date les règlements)",
  },
  delaysNeedsAmount: {
    en: 'section II counts a paid invoice for its full amount: this row has no invoice amount',
    fr: "la section II compte une facture réglée pour son montant total : cette ligne n'a pas de montant de facture",
  },
  delaysSupplierSheetMissing: {
    en: 'there is no sheet named "{sheet}" for the supplier ledger: pick another one',
    fr: "aucune feuille ne s'appelle « {sheet} » pour le grand livre fournisseurs : choisissez-en une autre",
  },
  delaysSupplierColumns: {
    en: 'the supplier ledger "{sheet}" has no header row with a supplier, a due date (or invoice date and terms) and an amount',
    fr: "le grand livre fournisseurs « {sheet} » n'a pas de ligne d'en-tête avec fournisseur, échéance (ou date et conditions) et montant",
  },
  delaysFecNotTtc: {
    en: 'the turnover and purchases taken from the FEC "{file}" exclude tax (HT): choose HT for the turnover and purchases, or type the figures including tax',
    fr: "le chiffre d'affaires et les achats tirés du FEC « {file} » sont hors taxes : choisissez HT pour le chiffre d'affaires et les achats, ou saisissez les montants TTC",
  },
  delaysFecCurrency: {
    en: 'the turnover and purchases taken from the FEC "{file}" are in {fec}, the table in {table}: type the figures in {table}',
    fr: "le chiffre d'affaires et les achats tirés du FEC « {file} » sont en {fec}, le tableau en {table} : saisissez les montants en {table}",
  },
  delaysFecFiguresBeforeClosing: {
    en: 'the turnover and purchases of the FEC "{file}" were read as of {asOf}, before the closing date {closing}, so they miss the entries booked since: set the as-of date to the closing date or later and import the FEC again, or type the figures',
    fr: "le chiffre d'affaires et les achats du FEC « {file} » ont été lus au {asOf}, avant la clôture du {closing}, sans les écritures passées depuis : mettez la date d'arrêté à la clôture ou après et importez de nouveau le FEC, ou saisissez les montants",
  },
  delaysFecBeforeClosing: {
    en: 'the FEC "{file}" was read as of {asOf}, before the closing date {closing}: payments up to the closing date are missing; set the as-of date to the closing date or later and import the FEC again',
    fr: "le FEC « {file} » a été lu au {asOf}, avant la clôture du {closing} : les règlements jusqu'à la clôture manquent ; mettez la date d'arrêté à la clôture ou après et importez de nouveau le FEC",
  },
  delaysFecPeriod: {
    en: 'the FEC "{file}" has entries from {from} to {to}, outside the year from {start} to {end}: import the FEC of that year, or type the turnover and purchases',
    fr: "le FEC « {file} » a des écritures du {from} au {to}, hors de l'exercice du {start} au {end} : importez le FEC de cet exercice, ou saisissez le chiffre d'affaires et les achats",
  },
  // Warnings of the payment-delays table: written under the table and in the pane's message.
  delaysAssumedTerms: {
    en: 'a FEC carries no due dates (LPF art. A47 A-1): with contractual terms, the delays of the {ledger} are counted from due dates assumed at import ("{terms}" from the document date), not from each contract\'s terms; choose the legal terms (60 days from the invoice date, Commercial Code art. L441-10) or write the real due dates in the ledger\'s Due date column',
    fr: "un FEC ne porte pas d'échéances (LPF, art. A47 A-1) : en délais contractuels, les retards du {ledger} sont comptés depuis des échéances supposées à l'import (« {terms} » depuis la date de pièce), non depuis les conditions de chaque contrat ; choisissez les délais légaux (60 jours à compter de la date d'émission de la facture, code de commerce, art. L441-10) ou portez les vraies échéances dans la colonne Échéance du grand livre",
  },
  delaysClosingNotFec: {
    en: 'the table\'s closing date, {closing}, is not the closing date of the FEC "{file}" ({fecClosing}, {how}): the year\'s turnover, purchases and invoices must be those of the year ended {closing}, or the percentages are wrong; check the closing date, or type the figures of that year',
    fr: "la date de clôture du tableau, le {closing}, n'est pas celle du FEC « {file} » ({fecClosing}, {how}) : le chiffre d'affaires, les achats et les factures de l'exercice doivent être ceux de l'exercice clos le {closing}, sinon les pourcentages sont faux ; vérifiez la date de clôture, ou saisissez les montants de cet exercice",
  },
  // Letters and penalties by who the customer is (consumer, public body) and by country.
  customerTypeUnknown: {
    en: '"{value}" is not a customer type: write professional, consumer or public body',
    fr: "« {value} » n'est pas un type de client : écrivez professionnel, particulier ou organisme public",
  },
  rateBelowFloor: {
    en: 'the contractual rate {rate} is below the floor of article L441-10 of the French Commercial Code for {halfYear}: three times the legal interest rate ({legalRate}), that is {floor}; give {floor} or more in the dunning policy',
    fr: "le taux contractuel de {rate} est inférieur au plancher de l'article L441-10 du Code de commerce pour {halfYear} : trois fois le taux d'intérêt légal ({legalRate}), soit {floor} ; indiquez au moins {floor} dans la politique de relance",
  },
  legalRateNotCovered: {
    en: 'no French legal interest rate is on file for {halfYear}; rates cover {first} to {last}',
    fr: "aucun taux d'intérêt légal n'est connu pour {halfYear} ; les taux couvrent {first} à {last}",
  },
  lettersHeldNoAddress: {
    en: 'not made, no postal address for a registered letter or formal notice: {accounts}. Add an address column (Address, Adresse) to the ledger, build the plan again, then make them again. Letters made for the other accounts: {made}',
    fr: 'non produites, faute d’adresse postale pour une lettre recommandée ou une mise en demeure : {accounts}. Ajoutez une colonne Adresse au grand livre, établissez à nouveau le plan, puis produisez-les à nouveau. Lettres produites pour les autres comptes : {made}',
  },
  lettersHeldNoSignatory: {
    en: 'formal notices not made, no one to sign them (the account has no owner and Settings › Your company has no signatory): {accounts}. Fill in the signatory’s name and title, or the ledger’s owner column. Letters made for the other accounts: {made}',
    fr: 'mises en demeure non produites, faute de signataire (le compte n’a pas de responsable et Paramètres › Votre société n’a pas de signataire) : {accounts}. Renseignez le nom et la fonction du signataire, ou la colonne Responsable du grand livre. Lettres produites pour les autres comptes : {made}',
  },
  letterNoAddress: {
    en: 'the {stage} to {customer} goes by registered post and the account has no postal address: add an address column (Address, Adresse) to the ledger',
    fr: 'la lettre « {stage} » à {customer} part en recommandé et le compte n’a pas d’adresse postale : ajoutez une colonne Adresse au grand livre',
  },
  formalNoticeNoAddressUnsigned: {
    en: 'the formal notice to {customer} lacks two things: a postal address (it goes by registered post: add an address column, Address or Adresse, to the ledger) and a signatory (the account has no owner and Settings › Your company has no signatory: fill in the signatory’s name and title)',
    fr: 'il manque deux choses à la mise en demeure à {customer} : une adresse postale (elle part en recommandé : ajoutez une colonne Adresse au grand livre) et un signataire (le compte n’a pas de responsable et Paramètres › Votre société n’a pas de signataire : renseignez le nom et la fonction du signataire)',
  },
  formalNoticeUnsigned: {
    en: 'the formal notice to {customer} has no signatory: the account has no owner and Settings › Your company has no signatory; fill in the signatory’s name and title',
    fr: 'la mise en demeure à {customer} n’a pas de signataire : le compte n’a pas de responsable et Paramètres › Votre société n’a pas de signataire ; renseignez le nom et la fonction du signataire',
  },
  sampleSenderOnOwnLedger: {
    en: 'the letters’ sender has the {fields} of the sample’s fictional firm, {firm}: type your company’s own in Settings › Your company; nothing was generated or logged',
    fr: 'l’expéditeur des lettres a {champs} de la société fictive de l’exemple, {firm} : saisissez ceux de votre société dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
  },
  companyIncomplete: {
    en: 'letters need your company’s {fields}: fill them in Settings › Your company; nothing was generated or logged',
    fr: 'les lettres ont besoin {champs} de votre société, à renseigner dans Paramètres › Votre société ; rien n’a été produit ni journalisé',
  },
  reasonBeforeFirstReminder: {
    en: 'overdue {days}; the first reminder starts at {from} days overdue ({date})',
    fr: 'en retard de {days} ; la première relance commence à {from} jours de retard ({date})',
  },
  // The cash-in forecast and its payment history.
  // A ledger without paid lines: no forecast yet, and what would make one (the due dates still speak).
  paymentHistoryNone: {
    en: 'No payment history, so no forecast yet: it learns when each customer really pays from invoices already paid. Give the ledger a paid-date column on its settled lines (Paid date, Date de règlement), import a FEC with its lettrage (matching codes), or name a sheet of paid invoices. Meanwhile, the amounts are what the due dates say.',
    fr: 'Aucun historique de paiement, donc pas encore de prévision : elle apprend des factures déjà réglées quand chaque client paie vraiment. Ajoutez au tableau une colonne de date de règlement sur les lignes réglées (Date de règlement, Paid date), importez un FEC avec son lettrage, ou indiquez une feuille de factures réglées. En attendant, les montants sont ceux des échéances.',
  },
  paymentHistorySheetMissing: {
    en: 'there is no sheet named "{name}" to read paid invoices from',
    fr: 'aucune feuille ne s’appelle « {name} » pour y lire les factures réglées',
  },
  paymentHistoryColumnsMissing: {
    en: 'the paid invoices need these columns: {roles}',
    fr: 'les factures réglées doivent avoir ces colonnes : {colonnes}',
  },
  historyColumns: {
    en: 'history: give 3 or 4 columns: customer, due date, paid date, and optionally disputed (yes/no)',
    fr: 'historique : donnez 3 ou 4 colonnes : client, échéance, date de règlement et, si besoin, litige (oui/non)',
  },
  historyEmpty: {
    en: 'history: no paid invoice on or before the as-of date to learn from',
    fr: 'historique : aucune facture réglée à la date d’arrêté ou avant, rien à apprendre',
  },
  historyRowUnreadable: {
    en: 'history row {row}: {message}',
    fr: 'historique, ligne {row} : {message}',
  },
  percentileInvalid: {
    en: 'percentile: give a share between 0 and 1 such as 0.2, 0.5 or 0.8 (not {value})',
    fr: 'centile : donnez une part entre 0 et 1 comme 0,2, 0,5 ou 0,8 (pas {value})',
  },
  beyondPaymentHistory: {
    en: 'later than any paid invoice in the history: no forecast',
    fr: 'plus tard que toute facture réglée de l’historique : pas de prévision',
  },
  // AGEBUCKET's result for an invoice paid on or before the as-of date: in no bucket.
  bucketPaid: {
    en: 'Paid',
    fr: 'Réglé',
  },
  serverArgumentInvalid: {
    en: 'AgeBucket refused the request: {name} {reason}',
    fr: 'AgeBucket a refusé la demande : {name} {raison}',
  },
  serverSheetNotOurs: {
    en: 'AgeBucket only appends to its own sheets ({sheets}), not "{name}"',
    fr: 'AgeBucket n’ajoute de lignes qu’à ses propres feuilles ({sheets}), pas « {name} »',
  },
  serverDocumentNotOurs: {
    en: 'AgeBucket only writes to Google Docs it created for this spreadsheet; "{id}" is not one of them',
    fr: 'AgeBucket n’écrit que dans les documents Google qu’il a créés pour ce classeur ; « {id} » n’en fait pas partie',
  },
  settingsDamaged: {
    en: 'the settings saved in this workbook are damaged ({detail}); reset them to the defaults and enter yours again',
    fr: 'les paramètres enregistrés dans ce classeur sont endommagés ({detail}) ; réinitialisez-les puis saisissez à nouveau les vôtres',
  },
  // The dunning policy editor's checks: said in the pane's language, stages by the names the user gave them.
  policyRefused: {
    en: 'dunning policy: {message}',
    fr: 'politique de relance : {message}',
  },
  policyNoStage: {
    en: 'give at least one stage',
    fr: 'indiquez au moins un niveau',
  },
  policyFromDayNotWhole: {
    en: 'stage {index}: "from day" must be a whole number of days',
    fr: 'niveau {index} : « dès le jour » doit être un nombre entier de jours',
  },
  policyStageUnnamed: {
    en: 'stage {index} has no name',
    fr: 'le niveau {index} n’a pas de nom',
  },
  policyStageKeyTwice: {
    en: 'two stages share the key "{key}"',
    fr: 'deux niveaux ont la même clé « {key} »',
  },
  policyRefersToLater: {
    en: 'stage "{stage}" refers to "{earlier}", which is not an earlier stage: choose an earlier stage or none',
    fr: 'le niveau « {stage} » renvoie à « {earlier} », qui n’est pas un niveau antérieur : choisissez un niveau antérieur ou aucun',
  },
  policyStagesNotAscending: {
    en: 'stage "{stage}" starts on day {day}, not after "{previous}" (day {previousDay})',
    fr: 'le niveau « {stage} » commence au jour {day}, pas après « {previous} » (jour {previousDay})',
  },
  policyIntervalInvalid: {
    en: 'the minimum interval must be a whole number of days, 0 or more',
    fr: 'l’intervalle minimum doit être un nombre entier de jours, 0 ou plus',
  },
  policyMinimumInvalid: {
    en: 'the minimum amount must be 0 or more',
    fr: 'le montant minimum doit être 0 ou plus',
  },
  policyRateOutOfRange: {
    en: 'the contractual rate {rate} must be between 0% and 100%, such as 12.15%',
    fr: 'le taux contractuel {rate} doit être compris entre 0 % et 100 %, par ex. 12,15 %',
  },
  policyRateUnreadable: {
    en: '"{value}" is not a rate: type a percentage such as 12.15% (or 12.15)',
    fr: '« {value} » n’est pas un taux : saisissez un pourcentage comme 12,15 % (ou 12,15)',
  },
  policyNoInterestBasis: {
    en: 'stages claim interest: choose a jurisdiction (FR, EU, DE, UK) or give an annual rate',
    fr: 'des niveaux réclament des pénalités : choisissez une juridiction (FR, EU, DE, UK) ou indiquez un taux annuel',
  },
  policyDeadlineInvalid: {
    en: 'the payment deadline must be a whole number of days, 1 or more',
    fr: 'le délai de paiement doit être un nombre entier de jours, 1 ou plus',
  },
  policyCustomerTypeUnknown: {
    en: 'the default customer type must be professional, consumer or public body',
    fr: 'le type de client par défaut doit être professionnel, particulier ou organisme public',
  },
  policyFirstRunUnknown: {
    en: 'the first-run rule must be "ageStage" or "oneStage"',
    fr: 'la règle du premier passage doit être « ageStage » ou « oneStage »',
  },
  rateEnteredRefused: {
    en: 'statutory rate for {jurisdiction} {halfYear}: {message}',
    fr: 'taux légal {jurisdiction} {halfYear} : {message}',
  },
  enteredRateJurisdiction: {
    en: 'choose FR, EU, DE or UK',
    fr: 'choisissez FR, EU, DE ou UK',
  },
  enteredRateHalfYear: {
    en: 'write the half-year as 2027-H1 or 2027-H2',
    fr: 'écrivez le semestre sous la forme 2027-H1 ou 2027-H2',
  },
  enteredRatePercentage: {
    en: '{value} looks like a percentage: write {fraction}',
    fr: '{value} ressemble à un pourcentage : écrivez {fraction}',
  },
  enteredRateTooLow: {
    en: '"{value}" reads as {percent}, lower than any statutory rate: type the rate as a percentage, such as 12.15%',
    fr: '« {value} » se lit {percent}, moins que tout taux légal : saisissez le taux en pourcentage, comme 12,15 %',
  },
  enteredRateNotPositive: {
    en: 'the rate must be above 0',
    fr: 'le taux doit être supérieur à 0',
  },
  enteredRateTwice: {
    en: 'entered twice',
    fr: 'saisi deux fois',
  },
  // Colour rules compare due dates: a due date held as text never matches (any host).
  colourDueDatesAllText: {
    en: 'nothing was coloured: the {count} due dates of {sheet} are text, not dates, and a colour rule compares dates. Import the file with Import (it writes dates and numbers), or turn the due-date column into dates, then colour again',
    fr: 'rien n’a été coloré : les {count} échéances de {sheet} sont du texte, pas des dates, et une règle de couleur compare des dates. Importez le fichier avec Importer (qui écrit des dates et des nombres), ou convertissez la colonne des échéances en dates, puis colorez de nouveau',
  },
  colourDueDatesSomeText: {
    en: '{count} rows of {sheet} have their due date as text, not a date, and cannot be coloured (rows {rows}): turn those cells into dates',
    fr: '{count} lignes de {sheet} ont leur échéance en texte, pas en date, et ne peuvent pas être colorées (lignes {rows}) : convertissez ces cellules en dates',
  },
  // An imported file whose columns do not make a ledger: said before any sheet is made.
  importColumnsMissing: {
    en: 'nothing was imported: "{name}" has no column for {roles} (header on line {line}; columns found: {columns}). {balance}Name those columns in the file as AgeBucket reads them ({examples}), then import it again',
    fr: 'rien n’a été importé : « {name} » n’a pas de colonne {roles} (en-tête à la ligne {line} ; colonnes trouvées : {columns}). {balance}Nommez ces colonnes dans le fichier comme AgeBucket les lit ({examples}), puis importez-le de nouveau',
  },
  importRunningBalance: {
    en: 'The column {column} reads as a running balance (each line adds the ones above it), which would count paid invoices again, so it is not taken as the open amount. If it is in fact what each invoice still owes, rename it "Open amount". ',
    fr: 'La colonne {column} se lit comme un solde progressif (chaque ligne cumule celles du dessus), qui compterait de nouveau les factures réglées : elle n’est donc pas prise comme reste dû. Si elle est bien ce que chaque facture doit encore, renommez-la « Reste dû ». ',
  },
  // Letters and log entries are dated the day they are made; a plan as of another day (a
  // month-end as-of date) would date them then and count the deadline from then.
  planNotAsOfToday: {
    en: 'letters and log entries are dated the day they are made ({today}), but the plan is as of {asOf}: tick "Follow today" (or set the as-of date to {today}), build the plan again, then make the letters or log the call. A fixed as-of date is for the aged balance and month-end reports',
    fr: 'les lettres et les lignes du journal sont datées du jour où elles sont faites ({today}), mais le plan est arrêté au {asOf} : cochez « Suivre la date du jour » (ou mettez la date d’arrêté au {today}), établissez de nouveau le plan, puis faites les lettres ou notez l’appel. Une date d’arrêté fixe sert à la balance âgée et aux états de fin de mois',
  },
  // "Mark as sent" logs a letter on the day it was made (markedSentEntries): a letter dated
  // after today has not gone yet.
  letterDatedAfterToday: {
    en: "the letter to {customer} is dated {day}, after today ({today}): it cannot have been sent yet. Check the computer's date, then mark it sent once it has gone",
    fr: 'la lettre à {customer} est datée du {day}, après aujourd’hui ({today}) : elle ne peut pas être déjà partie. Vérifiez la date de l’ordinateur, puis marquez-la envoyée une fois partie',
  },
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof messages;

export function formatMessage(code: MessageCode, params: Params, language: Language = 'en'): string {
  const template: string = messages[code][language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/**
 * Per-account messages that differ only in a detail of the account (the date of an invoice)
 * are one message: said once with the accounts it concerns, in the order met.
 */
export interface MessageGroup {
  readonly text: string;
  readonly accounts: readonly string[];
}

/** Codes whose message names a per-account detail, and the same message without it. */
const GROUPED_VARIANT: Partial<Record<MessageCode, MessageCode>> = { rateNotCovered: 'rateNotCoveredGrouped' };

export function groupMessages(
  entries: ReadonlyArray<{ readonly account: string; readonly error: AgeBucketError }>,
  language: Language,
): MessageGroup[] {
  const groups = new Map<string, { text: string; accounts: string[]; seen: Set<string> }>();
  for (const { account, error } of entries) {
    const variant = error.inner === undefined ? GROUPED_VARIANT[error.code] : undefined;
    const text = variant ? formatMessage(variant, error.params, language) : error.localized(language);
    let group = groups.get(text);
    if (!group) {
      group = { text, accounts: [], seen: new Set() };
      groups.set(text, group);
    }
    if (!group.seen.has(account)) {
      group.seen.add(account);
      group.accounts.push(account);
    }
  }
  return [...groups.values()].map(({ text, accounts }) => ({ text, accounts }));
}

/** "99 accounts: 1015, 1018, 1030 and 96 more": the count and the first few names. */
export function accountsText(accounts: readonly string[], language: Language, shown = 3): string {
  const names = accounts.slice(0, shown).join(', ');
  if (accounts.length === 1) return formatMessage('accountsOne', { names }, language);
  if (accounts.length <= shown) return formatMessage('accountsAll', { count: accounts.length, names }, language);
  return formatMessage('accountsFirst', { count: accounts.length, names, others: accounts.length - shown }, language);
}

/**
 * The one error the core throws. `message` is English (what Excel and Sheets show in a
 * function's error); `localized('fr')` is for the pane.
 */
export class AgeBucketError extends Error {
  override readonly name = 'AgeBucketError';

  constructor(
    readonly code: MessageCode,
    readonly params: Params = {},
    readonly context?: { readonly row?: number },
    /** The error this one wraps (a cell's error inside "due date: …"), localized with it. */
    readonly inner?: AgeBucketError,
  ) {
    super(AgeBucketError.compose(code, params, context, inner, 'en'));
  }

  localized(language: Language): string {
    return AgeBucketError.compose(this.code, this.params, this.context, this.inner, language);
  }

  /** The same error, located at a row (1-based within the range) for strict whole-call errors. */
  atRow(row: number): AgeBucketError {
    return new AgeBucketError(this.code, this.params, { row }, this.inner);
  }

  private static compose(
    code: MessageCode,
    params: Params,
    context: { readonly row?: number } | undefined,
    inner: AgeBucketError | undefined,
    language: Language,
  ): string {
    const withInner = inner ? { ...params, message: inner.localized(language) } : params;
    const text = formatMessage(code, withInner, language);
    return context?.row === undefined ? text : formatMessage('rowError', { row: context.row, message: text }, language);
  }
}

export function fail(code: MessageCode, params: Params = {}): never {
  throw new AgeBucketError(code, params);
}

/** The language of a locale tag ("fr-FR", "fr_CA", "en-GB"): French for any French, else English. */
export function languageOfTag(tag: string | null | undefined): Language {
  return typeof tag === 'string' && tag.trim().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
