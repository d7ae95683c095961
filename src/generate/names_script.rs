//! Name lists of cultures with a non-Latin script. Each entry is
//! `Latin=native`; a home-country row is written in the native script with
//! the culture's `native_pct` probability, otherwise in Latin letters.

use super::names::{Culture, LATIN};

/// Russian, Ukrainian, Belarusian and Bulgarian (Cyrillic).
pub(crate) const CYR: Culture = Culture {
    female: "Anna=Анна|Olga=Ольга|Tatiana=Татьяна|Natalia=Наталья|Elena=Елена|Irina=Ирина|Daria=Дарья|Ksenia=Ксения|Svetlana=Светлана|Marina=Марина|Ekaterina=Екатерина|Polina=Полина|Oksana=Оксана|Vera=Вера",
    male: "Dmitry=Дмитрий|Sergey=Сергей|Alexei=Алексей|Andrei=Андрей|Mikhail=Михаил|Ivan=Иван|Nikolai=Николай|Pavel=Павел|Artem=Артём|Maxim=Максим|Kirill=Кирилл|Bogdan=Богдан|Taras=Тарас|Georgi=Георги",
    family: "Ivanov=Иванов/Ivanova=Иванова|Smirnov=Смирнов/Smirnova=Смирнова|Kuznetsov=Кузнецов/Kuznetsova=Кузнецова|Sokolov=Соколов/Sokolova=Соколова|Lebedev=Лебедев/Lebedeva=Лебедева|Novikov=Новиков/Novikova=Новикова|Morozov=Морозов/Morozova=Морозова|Volkov=Волков/Volkova=Волкова|Fedorov=Федоров/Fedorova=Федорова|Belov=Белов/Belova=Белова|Pavlenko=Павленко|Shevchuk=Шевчук|Bondarenko=Бондаренко|Kovalenko=Коваленко|Tkachenko=Ткаченко|Melnyk=Мельник|Georgiev=Георгиев/Georgieva=Георгиева|Dimitrov=Димитров/Dimitrova=Димитрова",
    native_pct: 30,
    ..LATIN
};

/// Arabic-speaking countries.
pub(crate) const AR: Culture = Culture {
    female: "Fatima=فاطمة|Mariam=مريم|Nour=نور|Layla=ليلى|Huda=هدى|Salma=سلمى|Rania=رانيا|Yasmin=ياسمين|Amira=أميرة|Dina=دينا|Reem=ريم|Hala=هالة|Samira=سميرة",
    male: "Ahmed=أحمد|Omar=عمر|Youssef=يوسف|Khaled=خالد|Karim=كريم|Tarek=طارق|Hassan=حسن|Mahmoud=محمود|Ali=علي|Samir=سمير|Ibrahim=إبراهيم|Mustafa=مصطفى|Hamza=حمزة",
    family: "Haddad=حداد|Mansour=منصور|Khalil=خليل|Nasser=ناصر|Saleh=صالح|Hamdan=حمدان|Farouk=فاروق|Al-Najjar=النجار|Qasim=قاسم|Al-Amri=العمري|El-Masri=المصري|Al-Sabbagh=الصباغ|Al-Shami=الشامي|Bakri=بكري|Saad=سعد|Othman=عثمان|Jaber=جابر|Yassin=ياسين|Al-Tamimi=التميمي|Barakat=بركات|Daoud=داود",
    native_pct: 30,
    ..LATIN
};

pub(crate) const ZH: Culture = Culture {
    female: "Fang=芳|Na=娜|Min=敏|Jing=静|Li=丽|Yan=艳|Xiaohong=晓红|Juan=娟|Xue=雪|Hui=慧|Ying=颖|Lingling=玲玲|Yuxin=雨欣|Shuang=爽",
    male: "Wei=伟|Qiang=强|Lei=磊|Yang=洋|Yong=勇|Jun=军|Jie=杰|Tao=涛|Ming=明|Chao=超|Hao=浩|Zhiwei=志伟|Jianguo=建国|Bo=波",
    family: "Wang=王|Li=李|Zhang=张|Liu=刘|Chen=陈|Yang=杨|Huang=黄|Zhao=赵|Zhou=周|Wu=吴|Xu=徐|Sun=孙|Ma=马|Zhu=朱|Hu=胡|Guo=郭|He=何|Lin=林|Luo=罗|Gao=高",
    native_pct: 40,
    native_joined: true,
    ..LATIN
};

pub(crate) const JA: Culture = Culture {
    female: "Yuki=由紀|Haruka=遥|Aiko=愛子|Sakura=さくら|Yui=結衣|Misaki=美咲|Naoko=直子|Emi=恵美|Kaori=香織|Ayaka=彩花|Mai=麻衣|Tomoko=智子|Noriko=紀子|Rina=里奈",
    male: "Hiroshi=浩|Takeshi=武|Kenji=健二|Daisuke=大輔|Shōta=翔太|Haruto=陽翔|Kazuki=一輝|Yūsuke=雄介|Ryō=亮|Takumi=拓海|Sōta=蒼太|Kenta=健太|Makoto=誠|Naoki=直樹",
    family: "Satō=佐藤|Suzuki=鈴木|Takahashi=高橋|Tanaka=田中|Watanabe=渡辺|Itō=伊藤|Yamamoto=山本|Nakamura=中村|Kobayashi=小林|Katō=加藤|Yoshida=吉田|Yamada=山田|Sasaki=佐々木|Matsumoto=松本|Inoue=井上|Kimura=木村|Hayashi=林|Shimizu=清水|Ōno=大野|Mori=森",
    native_pct: 35,
    native_joined: true,
    ..LATIN
};

pub(crate) const KO: Culture = Culture {
    female: "Ji-yeon=지연|Seo-yeon=서연|Min-ji=민지|Soo-jin=수진|Eun-ji=은지|Ha-eun=하은|Ye-jin=예진|Hye-jin=혜진|Ji-woo=지우|Da-eun=다은|Na-rae=나래|So-young=소영|Mi-kyung=미경",
    male: "Min-jun=민준|Seo-jun=서준|Ji-hoon=지훈|Hyun-woo=현우|Jae-won=재원|Sung-min=성민|Jun-ho=준호|Young-ho=영호|Sang-woo=상우|Kyung-soo=경수|Do-hyun=도현|Seung-hoon=승훈|Hyeon-seok=현석",
    family: "Kim=김|Lee=이|Park=박|Choi=최|Jung=정|Kang=강|Cho=조|Yoon=윤|Jang=장|Lim=임|Han=한|Oh=오|Seo=서|Shin=신|Kwon=권|Hwang=황|Ahn=안|Song=송",
    native_pct: 35,
    native_joined: true,
    ..LATIN
};

/// South Asia; Devanagari is used only for India and Nepal (see `countries::LATIN_ONLY`).
pub(crate) const IN: Culture = Culture {
    female: "Priya=प्रिया|Ananya=अनन्या|Kavya=काव्या|Neha=नेहा|Pooja=पूजा|Sunita=सुनीता|Meera=मीरा|Aditi=अदिति|Shreya=श्रेया|Divya=दिव्या|Lakshmi=लक्ष्मी|Ritu=रितु|Farah=फ़राह|Nusrat=नुसरत|Anjali=अंजलि|Swati=स्वाति|Nandini=नंदिनी|Deepa=दीपा",
    male: "Arjun=अर्जुन|Rahul=राहुल|Vikram=विक्रम|Amit=अमित|Rohan=रोहन|Sanjay=संजय|Anil=अनिल|Rajesh=राजेश|Suresh=सुरेश|Karthik=कार्तिक|Nikhil=निखिल|Aditya=आदित्य|Imran=इमरान|Tanvir=तनवीर|Manish=मनीष|Gaurav=गौरव|Pranav=प्रणव|Varun=वरुण",
    family: "Sharma=शर्मा|Patel=पटेल|Gupta=गुप्ता|Singh=सिंह|Kumar=कुमार|Reddy=रेड्डी|Iyer=अय्यर|Nair=नायर|Joshi=जोशी|Mehta=मेहता|Chatterjee=चटर्जी|Rao=राव|Desai=देसाई|Verma=वर्मा|Pillai=पिल्लई|Kulkarni=कुलकर्णी|Menon=मेनन|Shrestha=श्रेष्ठ|Hossain=हुसैन|Perera=परेरा|Banerjee=बनर्जी|Agarwal=अग्रवाल|Saxena=सक्सेना|Bhattacharya=भट्टाचार्य|Naidu=नायडू|Krishnan=कृष्णन|Srinivasan=श्रीनिवासन|Malhotra=मल्होत्रा|Chauhan=चौहान|Ghosh=घोष",
    native_pct: 12,
    ..LATIN
};

/// Thailand and its neighbours (Thai script for Thailand only).
pub(crate) const TH: Culture = Culture {
    female: "Siriporn=ศิริพร|Nattaya=ณัฐยา|Kanya=กัญญา|Pimchanok=พิมพ์ชนก|Supaporn=สุภาพร|Waraporn=วราภรณ์|Ratana=รัตนา|Arisa=อริสา|Chanida=ชนิดา|Pranee=ปราณี|Malee=มาลี|Sasithorn=ศศิธร",
    male: "Somchai=สมชาย|Somsak=สมศักดิ์|Anan=อนันต์|Prasert=ประเสริฐ|Thanawat=ธนวัฒน์|Kittisak=กิตติศักดิ์|Wichai=วิชัย|Narong=ณรงค์|Chaiwat=ชัยวัฒน์|Sakda=ศักดา|Pongsak=พงศ์ศักดิ์|Nattapong=ณัฐพงษ์",
    family: "Srisuk=ศรีสุข|Wongsuwan=วงศ์สุวรรณ|Charoenphol=เจริญผล|Sukprasert=สุขประเสริฐ|Rattanakul=รัตนกุล|Saetang=แซ่ตั้ง|Boonmee=บุญมี|Kaewkhao=แก้วขาว|Phromsuwan=พรหมสุวรรณ|Siripong=ศิริพงษ์|Intharachai=อินทรชัย|Jaidee=ใจดี|Somboon=สมบูรณ์|Chaiyaporn=ชัยพร|Thongdee=ทองดี",
    native_pct: 35,
    ..LATIN
};

/// Ethiopia and Eritrea (Ge'ez script). Family names are fathers' given names.
pub(crate) const ET: Culture = Culture {
    female: "Selam=ሰላም|Hiwot=ሕይወት|Meron=ሜሮን|Bethlehem=ቤተልሔም|Tsion=ጽዮን|Mahlet=ማህሌት|Rahel=ራሔል|Liya=ሊያ|Saba=ሳባ|Eden=ኤደን|Hanna=ሐና|Tigist=ትዕግሥት",
    male: "Dawit=ዳዊት|Yonas=ዮናስ|Abebe=አበበ|Tesfaye=ተስፋዬ|Bereket=በረከት|Henok=ሄኖክ|Samuel=ሳሙኤል|Kebede=ከበደ|Mesfin=መስፍን|Getachew=ጌታቸው|Solomon=ሰሎሞን|Tadesse=ታደሰ",
    family: "Alemu=አለሙ|Bekele=በቀለ|Girma=ግርማ|Haile=ኃይሌ|Tesfaye=ተስፋዬ|Worku=ወርቁ|Mengistu=መንግሥቱ|Assefa=አሰፋ|Gebre=ገብሬ|Desta=ደስታ|Lemma=ለማ|Abera=አበራ|Kebede=ከበደ|Wolde=ወልዴ|Tadesse=ታደሰ",
    native_pct: 30,
    ..LATIN
};

/// Greece and Cyprus.
pub(crate) const GR: Culture = Culture {
    female: "Maria=Μαρία|Eleni=Ελένη|Katerina=Κατερίνα|Sofia=Σοφία|Georgia=Γεωργία|Dimitra=Δήμητρα|Ioanna=Ιωάννα|Vasiliki=Βασιλική|Anastasia=Αναστασία|Christina=Χριστίνα|Despina=Δέσποινα|Athina=Αθηνά",
    male: "Giorgos=Γιώργος|Dimitris=Δημήτρης|Nikos=Νίκος|Konstantinos=Κωνσταντίνος|Yannis=Γιάννης|Kostas=Κώστας|Panagiotis=Παναγιώτης|Christos=Χρήστος|Vasilis=Βασίλης|Stavros=Σταύρος|Andreas=Ανδρέας|Michalis=Μιχάλης",
    family: "Papadopoulos=Παπαδόπουλος/Papadopoulou=Παπαδοπούλου|Georgiou=Γεωργίου|Nikolaidis=Νικολαΐδης/Nikolaidou=Νικολαΐδου|Konstantinou=Κωνσταντίνου|Pappas=Παππάς/Pappa=Παππά|Oikonomou=Οικονόμου|Vlachos=Βλάχος/Vlachou=Βλάχου|Karagiannis=Καραγιάννης/Karagianni=Καραγιάννη|Makris=Μακρής/Makri=Μακρή|Ioannidis=Ιωαννίδης/Ioannidou=Ιωαννίδου|Antoniou=Αντωνίου|Dimitriou=Δημητρίου|Christodoulou=Χριστοδούλου|Stavrou=Σταύρου|Alexiou=Αλεξίου",
    native_pct: 25,
    ..LATIN
};

pub(crate) const HE: Culture = Culture {
    female: "Noa=נועה|Tamar=תמר|Maya=מאיה|Shira=שירה|Yael=יעל|Michal=מיכל|Noga=נוגה|Hila=הילה|Adi=עדי|Lior=ליאור|Talia=טליה|Rivka=רבקה",
    male: "Yosef=יוסף|Daniel=דניאל|Itai=איתי|Omer=עומר|Eitan=איתן|Noam=נועם|Ariel=אריאל|Yonatan=יונתן|Amit=עמית|Uri=אורי|Gilad=גלעד|Avi=אבי",
    family: "Cohen=כהן|Levi=לוי|Mizrahi=מזרחי|Peretz=פרץ|Biton=ביטון|Dahan=דהן|Avraham=אברהם|Friedman=פרידמן|Azoulay=אזולאי|Katz=כץ|Shapira=שפירא|Ben-David=בן דוד|Golan=גולן|Rosen=רוזן|Segal=סגל",
    native_pct: 25,
    ..LATIN
};
