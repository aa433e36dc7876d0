"""French word lists the demo portfolio is built from: regions, industries, trades, names."""

from __future__ import annotations

# Metropolitan regions, each with an economic weight (share of clients) and local
# place names used in company names ("Menuiserie du Rhône").
REGIONS: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    ("Île-de-France", 0.22,
     ("de la Seine", "du Vexin", "de la Brie", "du Hurepoix", "de la Marne", "du Gâtinais",
      "de l'Essonne", "de Montmartre")),
    ("Auvergne-Rhône-Alpes", 0.13,
     ("du Rhône", "des Alpes", "du Dauphiné", "du Forez", "de Savoie", "d'Auvergne",
      "du Beaujolais", "du Vercors")),
    ("Nouvelle-Aquitaine", 0.09,
     ("de Gironde", "du Périgord", "des Landes", "du Limousin", "de Saintonge", "du Béarn",
      "du Médoc", "de l'Adour")),
    ("Occitanie", 0.09,
     ("du Languedoc", "des Cévennes", "du Lauragais", "de la Garonne", "du Roussillon",
      "du Quercy", "de l'Aveyron", "du Minervois")),
    ("Hauts-de-France", 0.08,
     ("des Flandres", "de Picardie", "de l'Artois", "du Hainaut", "de la Somme",
      "du Boulonnais", "du Cambrésis", "de l'Aa")),
    ("Grand Est", 0.08,
     ("d'Alsace", "de Lorraine", "des Vosges", "de Champagne", "des Ardennes", "de la Moselle",
      "du Sundgau", "de l'Argonne")),
    ("Provence-Alpes-Côte d'Azur", 0.08,
     ("de Provence", "du Var", "du Luberon", "de la Durance", "des Calanques", "du Verdon",
      "de l'Estérel", "de la Crau")),
    ("Pays de la Loire", 0.06,
     ("de la Loire", "du Maine", "de Vendée", "de l'Anjou", "du Pays nantais", "de la Sarthe",
      "des Mauges", "du Layon")),
    ("Bretagne", 0.05,
     ("d'Armor", "du Léon", "de Cornouaille", "du Morbihan", "de l'Odet", "de la Rance",
      "du Trégor", "de l'Aulne")),
    ("Normandie", 0.05,
     ("du Cotentin", "du Pays d'Auge", "de la Manche", "du Bessin", "de l'Orne", "du Bocage",
      "de la Risle", "du Pays de Caux")),
    ("Bourgogne-Franche-Comté", 0.04,
     ("du Morvan", "du Jura", "de Bourgogne", "du Doubs", "de la Saône", "du Charolais",
      "de la Bresse", "du Mâconnais")),
    ("Centre-Val de Loire", 0.025,
     ("de Touraine", "de Sologne", "du Berry", "de la Beauce", "du Loiret", "du Perche",
      "du Vendômois", "de la Brenne")),
    ("Corse", 0.005,
     ("de Balagne", "du Cap Corse", "de la Castagniccia", "du Niolo", "de l'Ornano",
      "du Nebbio", "du Fiumorbo", "de la Gravona")),
)

# Industries: share of clients, typical gross-margin rate, and trade words that open
# a company name in that industry.
INDUSTRIES: tuple[tuple[str, float, float, tuple[str, ...]], ...] = (
    ("BTP", 0.16, 0.24,
     ("Menuiserie", "Maçonnerie", "Charpente", "Plomberie", "Couverture", "Électricité",
      "Terrassement")),
    ("Agroalimentaire", 0.13, 0.19,
     ("Boulangerie", "Fromagerie", "Conserverie", "Minoterie", "Salaisons", "Biscuiterie",
      "Brasserie artisanale")),
    ("Santé", 0.08, 0.33,
     ("Pharmacie", "Clinique", "Laboratoire", "Centre médical", "Ambulances", "Cabinet dentaire",
      "Optique")),
    ("Industrie mécanique", 0.12, 0.27,
     ("Mécanique de précision", "Usinage", "Chaudronnerie", "Décolletage", "Fonderie", "Forges",
      "Tôlerie")),
    ("Commerce de gros", 0.14, 0.15,
     ("Comptoir", "Négoce", "Distribution", "Entrepôts", "Centrale d'achat", "Établissements",
      "Dépôt")),
    ("Transport et logistique", 0.10, 0.17,
     ("Transports", "Logistique", "Messagerie", "Déménagements", "Affrètement", "Cars",
      "Manutention")),
    ("Automobile", 0.08, 0.22,
     ("Garage", "Carrosserie", "Pneus", "Auto-Service", "Contrôle technique", "Motoculture",
      "Dépannage")),
    ("Hôtellerie-restauration", 0.07, 0.29,
     ("Hôtel", "Restaurant", "Brasserie", "Traiteur", "Auberge", "Relais", "Café")),
    ("Chimie et plasturgie", 0.05, 0.26,
     ("Plasturgie", "Chimie", "Peintures", "Résines", "Emballages", "Adhésifs", "Vernis")),
    ("Agriculture", 0.07, 0.18,
     ("Coopérative agricole", "Vignobles", "Domaine", "Pépinières", "Élevage", "Vergers",
      "Semences")),
)

# Legal forms and family suffixes closing a company name, with their frequency.
SUFFIXES: tuple[tuple[str, float], ...] = (
    ("", 0.34), (" SARL", 0.22), (" SAS", 0.18), (" SA", 0.06), (" & Fils", 0.07),
    (" Frères", 0.05), (" et Cie", 0.04), (" EURL", 0.04),
)

FIRST_NAMES: tuple[str, ...] = (
    "Claire", "Julien", "Sophie", "Nicolas", "Isabelle", "Thomas", "Nathalie", "Pierre",
    "Camille", "Antoine", "Céline", "Mathieu", "Aurélie", "Laurent", "Émilie", "Sébastien",
    "Sandrine", "Olivier", "Caroline", "Vincent", "Julie", "Franck", "Virginie", "Guillaume",
    "Stéphanie", "Romain", "Hélène", "David", "Marion", "Christophe", "Élodie", "Benoît",
    "Anne", "Jérôme", "Laure", "Fabrice", "Delphine", "Maxime", "Sylvie", "Alexandre",
    "Pauline", "Cédric", "Audrey", "François", "Karine", "Arnaud", "Léa", "Éric",
)

LAST_NAMES: tuple[str, ...] = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
    "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire",
    "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
    "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
    "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
    "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
    "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet",
    "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot",
    "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis", "Deschamps",
    "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
)
