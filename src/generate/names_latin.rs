//! Name lists of cultures written in Latin script. All names are common
//! given and family names; full names are only ever random combinations.

use super::names::{Culture, LATIN, Order};

pub(crate) const EN: Culture = Culture {
    female: "Emily|Sarah|Hannah|Olivia|Rachel|Laura|Charlotte|Megan|Jessica|Abigail|Rebecca|Lucy|Grace|Amelia|Claire|Eleanor|Harriet|Natalie|Victoria|Imogen|Rosalind",
    male: "James|Thomas|Daniel|Oliver|Matthew|Benjamin|Samuel|Andrew|Jonathan|Michael|Nathan|Peter|Owen|Connor|Ethan|Alexander|Christopher|Edward|Patrick|Simon|Henry",
    family: "Thompson|Walker|Harris|Clarke|Bennett|Hughes|Turner|Patel|Mitchell|Campbell|Parker|Evans|Collins|Morgan|Price|Fletcher|Holloway|Whitfield|Ashworth|Pemberton|Whitaker|Marsh|Gardiner|Caldwell|Sutton|Ellison|Bramley|Kendrick|Lowe|Thornton",
    ..LATIN
};

pub(crate) const GA: Culture = Culture {
    female: "Aoife|Niamh|Siobhán|Caoimhe|Róisín|Saoirse|Gráinne|Orla|Clodagh|Méabh|Eimear|Sinéad",
    male: "Cian|Oisín|Pádraig|Ciarán|Darragh|Eoin|Seán|Tadhg|Colm|Rónán|Diarmuid|Fionn",
    family: "Ó Briain/Ní Bhriain|Ó Ceallaigh/Ní Cheallaigh|Mac Cárthaigh/Nic Cárthaigh|Ó Néill/Ní Néill|Breathnach|Ó Murchú/Ní Mhurchú|Ó Dónaill/Ní Dhónaill|Ó Conaill/Ní Chonaill|Ó Riain/Ní Riain|de Búrca|Ó Súilleabháin/Ní Shúilleabháin|Ó Gallchóir/Ní Ghallchóir|Kavanagh|Byrne|Doyle|Gallagher",
    ..LATIN
};

pub(crate) const ES: Culture = Culture {
    female: "María|Lucía|Carmen|Ana|Sofía|Valentina|Camila|Isabel|Paula|Daniela|Elena|Gabriela|Ximena|Luz|Mercedes",
    male: "José|Juan|Carlos|Luis|Javier|Miguel|Alejandro|Andrés|Diego|Fernando|Jorge|Pablo|Santiago|Mateo|Raúl",
    family: "García|Rodríguez|Martínez|López|Hernández|González|Pérez|Sánchez|Ramírez|Torres|Flores|Rivera|Gómez|Díaz|Morales|Castillo|Ortiz|Vargas|Núñez|Ibáñez|Muñoz|Peña",
    double_pct: 35,
    ..LATIN
};

pub(crate) const PT: Culture = Culture {
    female: "Ana|Beatriz|Mariana|Juliana|Fernanda|Camila|Larissa|Letícia|Inês|Joana|Rita|Luísa|Carolina|Gabriela|Conceição",
    male: "José|João|Pedro|Lucas|Rafael|Gustavo|Thiago|Felipe|Rodrigo|André|Bruno|Tiago|Gonçalo|Vinícius|Luiz",
    family: "Silva|Santos|Oliveira|Souza|Pereira|Costa|Rodrigues|Almeida|Nascimento|Carvalho|Araújo|Ferreira|Gonçalves|Ribeiro|Lima|Magalhães|Sampaio|Figueiredo",
    double_pct: 40,
    ..LATIN
};

pub(crate) const FR: Culture = Culture {
    female: "Camille|Claire|Juliette|Manon|Chloé|Léa|Élise|Margaux|Sophie|Hélène|Amélie|Céline|Anaïs|Pauline",
    male: "Julien|Mathieu|Antoine|Nicolas|Guillaume|Étienne|Théo|Hugo|Baptiste|Olivier|François|Rémi|Louis|Benoît",
    family: "Martin|Bernard|Dubois|Durand|Lefèvre|Moreau|Laurent|Girard|Roux|Fournier|Lambert|Fontaine|Chevalier|Garnier|Faure|Mercier|Blanchard|Lemaire|Perrin|Mallet",
    ..LATIN
};

pub(crate) const DE: Culture = Culture {
    female: "Anna|Lena|Katharina|Julia|Sophie|Laura|Hannah|Miriam|Sabine|Franziska|Jana|Lea|Johanna|Ursula",
    male: "Lukas|Jonas|Felix|Maximilian|Tobias|Florian|Sebastian|Jan|Matthias|Stefan|Niklas|Moritz|Jürgen|Tim",
    family: "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Hoffmann|Schäfer|Koch|Richter|Bauer|Klein|Wolf|Schröder|Neumann|Zimmermann|Krüger|Hartmann|Lange|Weiß|Köhler|Brandt",
    ..LATIN
};

pub(crate) const NL: Culture = Culture {
    female: "Sanne|Anouk|Femke|Lotte|Eva|Marieke|Inge|Fleur|Noor|Saskia|Lieke|Maartje",
    male: "Daan|Bram|Sander|Joost|Thijs|Ruben|Pieter|Wouter|Jeroen|Maarten|Koen|Bart",
    family: "de Jong|Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|Mulder|de Boer|Dekker|Peeters|Janssens|Maes|Willems|Claes",
    ..LATIN
};

pub(crate) const IT: Culture = Culture {
    female: "Giulia|Francesca|Chiara|Sara|Martina|Alessandra|Valentina|Federica|Elisa|Silvia|Beatrice|Ilaria|Caterina|Giorgia",
    male: "Marco|Luca|Giuseppe|Alessandro|Andrea|Matteo|Davide|Stefano|Lorenzo|Niccolò|Simone|Paolo|Riccardo|Tommaso",
    family: "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Barbieri|Fontana|Borg|Camilleri",
    ..LATIN
};

pub(crate) const NORDIC: Culture = Culture {
    female: "Ingrid|Sigrid|Astrid|Kari|Solveig|Maja|Linnéa|Freja|Siri|Aino|Hanne|Liv|Eira|Tuuli|Guðrún",
    male: "Lars|Erik|Henrik|Magnus|Bjørn|Anders|Mikkel|Jónas|Oskar|Eero|Håkon|Sindre|Tor|Nils|Mads",
    family: "Øvergård|Johansen|Hansen|Andersson|Lindqvist|Nyström|Berg|Sæther|Haugen|Lindahl|Virtanen|Korhonen|Jónsson/Jónsdóttir|Sigurðsson/Sigurðsdóttir|Åberg|Kjær|Nielsen|Mäkinen|Holm|Dahl|Sørensen|Halvorsen",
    ..LATIN
};

/// West and South Slavic (and Albanian) countries writing Latin script.
pub(crate) const SL: Culture = Culture {
    female: "Agnieszka|Katarzyna|Zuzana|Petra|Ivana|Marta|Lucie|Jana|Magdalena|Tereza|Maja|Milena|Barbora|Aleksandra|Nina",
    male: "Łukasz|Piotr|Tomáš|Jakub|Marek|Ondřej|Luka|Matej|Krzysztof|Petr|Nikola|Miloš|Wojciech|Jiří|Dragan",
    family: "Dvořák/Dvořáková|Nowak|Kowalski/Kowalska|Novák/Nováková|Horvat|Wiśniewski/Wiśniewska|Svoboda/Svobodová|Kovačević|Wójcik|Procházka/Procházková|Babić|Černý/Černá|Zieliński/Zielińska|Jovanović|Kučera/Kučerová|Szymański/Szymańska|Marković|Kamiński/Kamińska|Petrović|Šimek/Šimková",
    ..LATIN
};

pub(crate) const HU: Culture = Culture {
    female: "Katalin|Eszter|Zsófia|Réka|Anna|Dóra|Noémi|Judit|Krisztina|Boglárka|Ágnes|Orsolya",
    male: "Gábor|Zoltán|Péter|László|Bence|Márton|Dávid|Attila|Balázs|Tamás|Ádám|Levente",
    family: "Nagy|Kovács|Tóth|Szabó|Horváth|Varga|Kiss|Molnár|Németh|Farkas|Balogh|Papp|Lakatos|Takács|Juhász|Mészáros",
    ..LATIN
};

pub(crate) const RO: Culture = Culture {
    female: "Andreea|Ioana|Elena|Maria|Alexandra|Cristina|Mihaela|Irina|Raluca|Bianca|Oana|Diana",
    male: "Andrei|Mihai|Alexandru|Ștefan|Bogdan|Cristian|Răzvan|Ionuț|Vlad|Radu|Adrian|Sorin",
    family: "Popescu|Ionescu|Popa|Dumitru|Stan|Stoica|Gheorghe|Matei|Rusu|Munteanu|Constantin|Ciobanu|Lungu|Moldovan|Dinu|Marinescu",
    ..LATIN
};

pub(crate) const BALTIC: Culture = Culture {
    female: "Kadri|Liis|Triin|Kristiina|Ieva|Laura|Rūta|Inga|Līga|Elīna|Gintarė|Eglė",
    male: "Andres|Märt|Rasmus|Karl|Jānis|Mārtiņš|Edgars|Artūrs|Tomas|Mindaugas|Darius|Lukas",
    family: "Tamm|Saar|Sepp|Mägi|Kask|Kukk|Bērziņš/Bērziņa|Kalniņš/Kalniņa|Ozoliņš/Ozoliņa|Liepa|Kazlauskas/Kazlauskienė|Jankauskas/Jankauskienė|Petrauskas/Petrauskienė|Vasiliauskas/Vasiliauskienė|Stankevičius/Stankevičienė",
    ..LATIN
};

/// Georgian and Armenian names, in their usual Latin spelling.
pub(crate) const CAUC: Culture = Culture {
    female: "Nino|Tamar|Mariam|Ana|Salome|Eka|Anahit|Lusine|Armine|Gayane|Nare|Sona",
    male: "Giorgi|Levan|Davit|Irakli|Nikoloz|Lasha|Aram|Tigran|Armen|Hayk|Narek|Vahe",
    family: "Beridze|Kapanadze|Gelashvili|Maisuradze|Lomidze|Tsiklauri|Japaridze|Abashidze|Petrosyan|Grigoryan|Hakobyan|Sargsyan|Harutyunyan|Avetisyan|Karapetyan|Mkrtchyan",
    ..LATIN
};

/// Turkish and Azerbaijani.
pub(crate) const TR: Culture = Culture {
    female: "Ayşe|Elif|Zeynep|Büşra|Deniz|Gülşen|Merve|Özlem|Selin|Şule|Ebru|Nilüfer|Aysel|Leyla",
    male: "Mehmet|Mustafa|Emre|Burak|Oğuz|Murat|Hakan|Serkan|Kerem|Barış|Çağrı|İlker|Orhan|Rauf",
    family: "Şahin|Yılmaz|Kaya|Demir|Çelik|Yıldız|Öztürk|Aydın|Özdemir|Arslan|Doğan|Kılıç|Aslan|Çetin|Koç|Kurt|Özkan|Şimşek|Məmmədov/Məmmədova|Həsənov/Həsənova",
    ..LATIN
};

/// Persian and Dari names (Iran, Afghanistan, Tajikistan), Latin only.
pub(crate) const FA: Culture = Culture {
    female: "Maryam|Shirin|Parisa|Leila|Nasrin|Azadeh|Roya|Mahsa|Sara|Niloufar|Zahra|Golnaz|Farzaneh",
    male: "Reza|Ali|Hossein|Amir|Mehdi|Saeed|Farhad|Kourosh|Babak|Arash|Navid|Ahmad|Omid",
    family: "Karimi|Hosseini|Ahmadi|Rezaei|Moradi|Jafari|Rahimi|Sadeghi|Mohammadi|Tehrani|Shirazi|Ebrahimi|Kazemi|Najafi|Hashemi|Noori|Sultani",
    ..LATIN
};

pub(crate) const VI: Culture = Culture {
    female: "Thị Lan|Thị Hương|Thu Trang|Thị Mai|Ngọc Anh|Thị Phương|Khánh Linh|Thị Hạnh|Phương Thảo|Thu Hà|Hải Yến|Thị Quỳnh|Minh Thư",
    male: "Văn Minh|Văn Tuấn|Đức Hùng|Văn Dũng|Quang Huy|Minh Hải|Hoàng Long|Văn Nam|Thanh Sơn|Đức Thắng|Đăng Khoa|Quốc Bảo|Hữu Phúc",
    family: "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý",
    order: Order::FamilyGiven,
    ..LATIN
};

/// Indonesian, Malay and Bruneian.
pub(crate) const ID: Culture = Culture {
    female: "Siti|Dewi|Rina|Putri|Nurul|Indah|Sri|Ayu|Fitri|Wulan|Ratna|Intan|Nur Aisyah",
    male: "Budi|Agus|Adi|Rizky|Hendra|Bayu|Arif|Fajar|Dimas|Eko|Teguh|Yusuf|Ahmad Faiz",
    family: "Santoso|Wijaya|Hidayat|Saputra|Pratama|Kusuma|Nugroho|Setiawan|Wibowo|Hakim|Siregar|Nasution|Harahap|Rahman|Ismail|Abdullah",
    ..LATIN
};

pub(crate) const PH: Culture = Culture {
    female: "Maria Clara|Ana|Kristine|Joy|Angelica|Patricia|Mae|Camille|Jasmine|Bea|Liza|Rowena|Marites",
    male: "Jose|Mark|Paolo|Carlo|Miguel|Ramon|Jericho|Rafael|Antonio|Noel|Gabriel|Rodel|Emmanuel",
    family: "Santos|Reyes|Cruz|Bautista|Ocampo|Garcia|Mendoza|Villanueva|Ramos|Aquino|Castillo|Dela Cruz|De Leon|Navarro|Gonzales|Mercado|Tolentino|Manalo",
    ..LATIN
};

/// English-speaking Africa (West, East and Southern).
pub(crate) const AFEN: Culture = Culture {
    female: "Chiamaka|Ngozi|Abena|Akosua|Wanjiru|Amara|Thandiwe|Nomvula|Esi|Adaeze|Imani|Zawadi|Grace|Precious|Chipo",
    male: "Chinedu|Oluwaseun|Kwame|Kofi|Tendai|Sipho|Baraka|Emeka|Tunde|Kagiso|Jabari|Samuel|Otieno|Musa|Thabo",
    family: "Okafor|Adeyemi|Mensah|Boateng|Otieno|Mwangi|Kamau|Nkosi|Dlamini|Banda|Phiri|Moyo|Okonkwo|Achieng|Asante|Ochieng|Mutua|Nyirenda|Owusu|Balogun|Adebayo|Eze|Nwosu|Kiprop|Wafula|Ndlovu|Sithole|Mahlangu|Agyeman|Ogunleye",
    ..LATIN
};

/// French- and Portuguese-influenced West, Central and Indian Ocean Africa.
pub(crate) const AFFR: Culture = Culture {
    female: "Aminata|Fatou|Mariam|Awa|Aïssatou|Kadiatou|Ramatou|Solange|Clarisse|Nadège|Bintou|Adjoa|Rokia",
    male: "Moussa|Ousmane|Mamadou|Ibrahima|Abdoulaye|Cheikh|Seydou|Boubacar|Jean-Pierre|Serge|Kouassi|Yao|Issa",
    family: "Diallo|Traoré|Ndiaye|Diop|Koné|Camara|Sow|Ouédraogo|Mbaye|Kaboré|Sylla|Touré|Kamga|Mbala|Nkurunziza|Coulibaly|Bamba|Nzeyimana|Rakotomalala|Fofana",
    ..LATIN
};

/// Pacific island states.
pub(crate) const PAC: Culture = Culture {
    female: "Losana|Mere|Sina|Salote|Vika|Ana|Litia|Seini|Miriama|Talia|Kalesi|Rosa",
    male: "Tevita|Sione|Iosefa|Jone|Manase|Viliami|Tomasi|Peni|Samisoni|Kalani|Nikolasi|Paulo",
    family: "Tuilagi|Fonua|Vaai|Taufa|Naivalu|Koroi|Mahe|Faleolo|Raikadroka|Lolohea|Havili|Tanielu|Kaitani|Temaki|Wari|Kila",
    ..LATIN
};

/// Central Asia and Mongolia, in Latin transliteration.
pub(crate) const CAS: Culture = Culture {
    female: "Aigerim|Dilnoza|Gulnara|Madina|Aizhan|Nodira|Zarina|Saule|Kamila|Aruzhan|Malika|Dinara|Oyunchimeg",
    male: "Nurlan|Timur|Aibek|Rustam|Bakhtiyor|Daniyar|Askar|Farrukh|Azamat|Ruslan|Sherzod|Yerlan|Batbayar",
    family: "Akhmetov/Akhmetova|Tursunov/Tursunova|Rakhimov/Rakhimova|Yusupov/Yusupova|Omarov/Omarova|Sadykov/Sadykova|Ismailov/Ismailova|Zhumabayev/Zhumabayeva|Kassymov/Kassymova|Mirzayev/Mirzayeva|Usmanov/Usmanova|Kurbanov/Kurbanova|Serikbayev/Serikbayeva|Abenov/Abenova|Nurmatov/Nurmatova|Ganbaatar",
    ..LATIN
};
