<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Показать подробности...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Скрыть подробности...</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Сбросить</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Справка</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Да</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Нет</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Не сохранять</translation>
        </message>
    </context>
    <context>
        <name>about</name>
        <message>
            <source>Open document-examination workstation for border secondary inspection.</source>
            <translation>Открытое рабочее место для исследования документов при углублённой проверке на границе.</translation>
        </message>
        <message>
            <source>Data folder: {folder}</source>
            <translation>Папка данных: {folder}</translation>
        </message>
        <message>
            <source>Bundled fonts: DejaVu Sans (Bitstream Vera / DejaVu licence, a free licence allowing use, copy and redistribution) and OCR-B (Matthew Skala's rendering of Norbert Schwarz's OCR-B: public domain / free to use, modify and distribute). The licence texts are in the program's resources/fonts folder.</source>
            <translation>Встроенные шрифты: DejaVu Sans (лицензия Bitstream Vera / DejaVu — свободная лицензия, разрешающая использование, копирование и распространение) и OCR-B (версия OCR-B Норберта Шварца, выполненная Мэтью Скалой: общественное достояние / свободное использование, изменение и распространение). Тексты лицензий находятся в папке resources/fonts программы.</translation>
        </message>
        <message>
            <source>About workstation</source>
            <translation>О программе</translation>
        </message>
    </context>
    <context>
        <name>alerts</name>
        <message>
            <source>{zone} ({light})</source>
            <translation>{zone} ({light})</translation>
        </message>
        <message>
            <source>Alert #{id} for {document}: {feature} — published {published} at {place} by {by}; expires {expires}</source>
            <translation>Оповещение № {id} для {document}: {feature} — опубликовано {published} в {place}, автор {by}; действует до {expires}</translation>
        </message>
        <message>
            <source>Alert #{id} for {document}: {feature} — published {published} by {by} (border point not configured); expires {expires}</source>
            <translation>Оповещение № {id} для {document}: {feature} — опубликовано {published}, автор {by} (пункт пропуска не настроен); действует до {expires}</translation>
        </message>
        <message numerus="yes">
            <source>Show %n crop(s)</source>
            <translation>
                <numerusform>Показать %n фрагмент</numerusform>
                <numerusform>Показать %n фрагмента</numerusform>
                <numerusform>Показать %n фрагментов</numerusform>
            </translation>
        </message>
        <message>
            <source>Publish an alert — {document}</source>
            <translation>Опубликовать оповещение — {document}</translation>
        </message>
        <message>
            <source>The feature that betrayed the forgery</source>
            <translation>Признак, выдавший подделку</translation>
        </message>
        <message>
            <source>What examiners should look for</source>
            <translation>На что обращать внимание экспертам</translation>
        </message>
        <message>
            <source> days</source>
            <translation> дн.</translation>
        </message>
        <message>
            <source>Every series of this document type</source>
            <translation>Все серии этого типа документа</translation>
        </message>
        <message>
            <source>Crops are shown as they will be published: the holder's portrait, signature, MRZ and data fields are blurred.</source>
            <translation>Фрагменты показаны так, как они будут опубликованы: фотография владельца, подпись, МСЗ и поля данных размыты.</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>Признак</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Expires after</source>
            <translation>Срок действия</translation>
        </message>
        <message>
            <source>Publish to every workstation</source>
            <translation>Опубликовать на всех рабочих местах</translation>
        </message>
    </context>
    <context>
        <name>authoring</name>
        <message>
            <source>finding the page of {name}</source>
            <translation>поиск страницы в {name}</translation>
        </message>
        <message>
            <source>finding the pages</source>
            <translation>поиск страниц</translation>
        </message>
        <message>
            <source>finding the zones</source>
            <translation>поиск зон</translation>
        </message>
        <message>
            <source>learning the statistics of every exemplar</source>
            <translation>обучение статистике по каждому экземпляру</translation>
        </message>
        <message>
            <source>done</source>
            <translation>готово</translation>
        </message>
        <message>
            <source>measuring {name}</source>
            <translation>измерение {name}</translation>
        </message>
    </context>
    <context>
        <name>barcode panel</name>
        <message>
            <source>No examination yet.</source>
            <translation>Исследование ещё не проводилось.</translation>
        </message>
        <message>
            <source>No barcode was read on this document.</source>
            <translation>На этом документе штрихкод не прочитан.</translation>
        </message>
        <message>
            <source>Its back was not captured: turn it over and capture the back (Shift+Space) to read the barcodes printed there.</source>
            <translation>Оборотная сторона не снята: переверните документ и снимите оборот (Shift+Space), чтобы прочитать напечатанные там штрихкоды.</translation>
        </message>
        <message>
            <source>Barcode data against the page</source>
            <translation>Штрихкод и страница</translation>
        </message>
        <message>
            <source>Show on the page</source>
            <translation>Показать на странице</translation>
        </message>
        <message>
            <source>No barcode carries holder data to compare.</source>
            <translation>Ни один штрихкод не содержит данных владельца для сравнения.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>In the barcode</source>
            <translation>В штрихкоде</translation>
        </message>
        <message>
            <source>On the page</source>
            <translation>На странице</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>Сравнивается с</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>MRZ lines</source>
            <translation>Строки МСЗ</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Номер документа</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Date of expiry</source>
            <translation>Дата окончания срока действия</translation>
        </message>
        <message>
            <source>Date of issue</source>
            <translation>Дата выдачи</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Государство выдачи</translation>
        </message>
        <message>
            <source>Document type</source>
            <translation>Тип документа</translation>
        </message>
        <message>
            <source>the MRZ</source>
            <translation>МСЗ</translation>
        </message>
        <message>
            <source>the printed field</source>
            <translation>напечатанное поле</translation>
        </message>
        <message>
            <source>the page</source>
            <translation>страница</translation>
        </message>
        <message numerus="yes">
            <source>%n barcode(s): {codes}</source>
            <translation>
                <numerusform>%n штрихкод: {codes}</numerusform>
                <numerusform>%n штрихкода: {codes}</numerusform>
                <numerusform>%n штрихкодов: {codes}</numerusform>
            </translation>
        </message>
        <message>
            <source>{format} · {face}</source>
            <translation>{format} · {face}</translation>
        </message>
        <message>
            <source>Switch to this face and zoom to the barcode (its outline is drawn)</source>
            <translation>Перейти к этой стороне и увеличить штрихкод (его контур обводится)</translation>
        </message>
        <message>
            <source>agrees</source>
            <translation>совпадает</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>расходится</translation>
        </message>
    </context>
    <context>
        <name>barcode rows</name>
        <message>
            <source>Bytes</source>
            <translation>Байт</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Предупреждение</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Подписант</translation>
        </message>
        <message>
            <source>Issued / signed</source>
            <translation>Выдано / подписано</translation>
        </message>
        <message>
            <source>Seal verification</source>
            <translation>Проверка печати</translation>
        </message>
        <message>
            <source>Trust anchor</source>
            <translation>Якорь доверия</translation>
        </message>
        <message>
            <source>Revocation</source>
            <translation>Отзыв</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Содержимое</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Middle names</source>
            <translation>Второе имя</translation>
        </message>
        <message>
            <source>Customer number</source>
            <translation>Номер клиента</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Выдано</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Действует до</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Город</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>Почтовый индекс</translation>
        </message>
        <message>
            <source>Issue date</source>
            <translation>Дата выдачи</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МСЗ</translation>
        </message>
        <message>
            <source>MRZ (visa type A)</source>
            <translation>МСЗ (виза типа A)</translation>
        </message>
        <message>
            <source>MRZ (visa type B)</source>
            <translation>МСЗ (виза типа B)</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Номер документа</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>Дата окончания срока действия</translation>
        </message>
    </context>
    <context>
        <name>barcodes</name>
        <message>
            <source>{format}: AAMVA {kind} data, {jurisdiction}, version {version}</source>
            <translation>{format}: данные AAMVA {kind}, {jurisdiction}, версия {version}</translation>
        </message>
        <message>
            <source>{format}: AAMVA {kind} data, issuer {iin}, version {version}</source>
            <translation>{format}: данные AAMVA {kind}, эмитент {iin}, версия {version}</translation>
        </message>
        <message>
            <source>{format}: unreadable AAMVA data</source>
            <translation>{format}: нечитаемые данные AAMVA</translation>
        </message>
        <message>
            <source>{format}: malformed digital seal</source>
            <translation>{format}: повреждённая цифровая печать</translation>
        </message>
        <message>
            <source>{format}: digital seal, {kind}, issued by {country}</source>
            <translation>{format}: цифровая печать, {kind}, государство выдачи {country}</translation>
        </message>
        <message>
            <source>unknown type</source>
            <translation>тип неизвестен</translation>
        </message>
        <message>
            <source>{signer} / certificate {reference}</source>
            <translation>{signer} / сертификат {reference}</translation>
        </message>
        <message>
            <source>{verdict} — {message}</source>
            <translation>{verdict} — {message}</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>ВЕРНО</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>НЕВЕРНО</translation>
        </message>
        <message>
            <source>WARN</source>
            <translation>ВНИМАНИЕ</translation>
        </message>
        <message>
            <source>not revoked (current CRL)</source>
            <translation>не отозван (действующий CRL)</translation>
        </message>
        <message>
            <source>not listed, but the CRL has expired</source>
            <translation>не в списке, но срок действия CRL истёк</translation>
        </message>
        <message>
            <source>no CRL of the CA</source>
            <translation>нет CRL удостоверяющего центра</translation>
        </message>
        <message>
            <source>REVOKED</source>
            <translation>ОТОЗВАН</translation>
        </message>
        <message>
            <source>no certificate of signer {ref} (country {country}, serial 0x{serial}) in the trust store</source>
            <translation>в хранилище доверенных сертификатов нет сертификата подписанта {ref} (страна {country}, серийный номер 0x{serial})</translation>
        </message>
        <message>
            <source>signer {ref}: {reason}</source>
            <translation>подписант {ref}: {reason}</translation>
        </message>
        <message>
            <source>the signature does not verify with signer {ref}'s certificate: the seal's data or signature was changed</source>
            <translation>подпись не проверяется сертификатом подписанта {ref}: данные печати или подпись изменены</translation>
        </message>
        <message>
            <source>signed {date} outside the validity of the trusted signer certificate{how}</source>
            <translation>подписано {date} вне срока действия доверенного сертификата подписанта{how}</translation>
        </message>
        <message>
            <source>signature valid; signer {ref} is itself a trust anchor{how}</source>
            <translation>подпись верна; подписант {ref} сам является доверенным корневым сертификатом{how}</translation>
        </message>
        <message>
            <source>signature valid, but no trusted CA issued signer {ref}'s certificate (issuer {issuer}){how}</source>
            <translation>подпись верна, но сертификат подписанта {ref} не выдан ни одним доверенным УЦ (издатель {issuer}){how}</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate (country {country}) was issued by the CA of another country ({anchor_country})</source>
            <translation>сертификат подписанта {ref} (страна {country}) выдан УЦ другой страны ({anchor_country})</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate is revoked by its CA{since}</source>
            <translation>сертификат подписанта {ref} отозван его УЦ{since}</translation>
        </message>
        <message>
            <source> since {date}</source>
            <translation> с {date}</translation>
        </message>
        <message>
            <source>signed {date} outside the validity of signer {ref}'s certificate or its CA's</source>
            <translation>подписано {date} вне срока действия сертификата подписанта {ref} или его УЦ</translation>
        </message>
        <message>
            <source>signature valid; signer {ref} certified by {anchor}{how}</source>
            <translation>подпись верна; подписант {ref} заверен {anchor}{how}</translation>
        </message>
        <message>
            <source> (matched by country and serial number only)</source>
            <translation> (сопоставлен только по стране и серийному номеру)</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate names a trusted CA as issuer, but that CA's signature on it does not verify</source>
            <translation>сертификат подписанта {ref} называет издателем доверенный УЦ, но подпись этого УЦ на нём не проверяется</translation>
        </message>
    </context>
    <context>
        <name>calibration</name>
        <message>
            <source>Dark frames</source>
            <translation>Темновые кадры</translation>
        </message>
        <message>
            <source>Close the lid or cover the platen so no room light falls on it. Nothing needs to lie on the platen. Every lamp stays off.</source>
            <translation>Закройте крышку или накройте предметное стекло, чтобы на него не падал свет помещения. На стекле ничего не должно лежать. Все лампы выключены.</translation>
        </message>
        <message>
            <source>Flat field</source>
            <translation>Плоское поле</translation>
        </message>
        <message>
            <source>Lay a clean, matt white card over the whole platen. Each lamp lights in turn to measure how evenly it lights the platen.</source>
            <translation>Положите чистую матовую белую карточку на всё предметное стекло. Лампы включаются по очереди, чтобы измерить равномерность освещения стекла.</translation>
        </message>
        <message>
            <source>Scale (dpi)</source>
            <translation>Масштаб (dpi)</translation>
        </message>
        <message>
            <source>Lay a ruler with millimetre ticks flat on the platen, or an ID-1 card (85.6 × 54 mm) on the dark platen, not touching its edges.</source>
            <translation>Положите линейку с миллиметровыми делениями ровно на предметное стекло или карту ID-1 (85,6 × 54 мм) на тёмное стекло, не касаясь его краёв.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранение</translation>
        </message>
        <message>
            <source>Store the calibration for this rig; it is applied to every capture.</source>
            <translation>Сохранить калибровку для этой установки; она применяется к каждому снимку.</translation>
        </message>
    </context>
    <context>
        <name>cases</name>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Document no.</source>
            <translation>№ документа</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Государство</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Заключение</translation>
        </message>
        <message>
            <source>The start of a case reference, a name or a document number</source>
            <translation>Начало номера дела, имени или номера документа</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Любой статус</translation>
        </message>
        <message>
            <source>Any conclusion</source>
            <translation>Любое заключение</translation>
        </message>
        <message>
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <source>Review queue</source>
            <translation>Очередь на проверку</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Поиск</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Поиск…</translation>
        </message>
        <message>
            <source> (first page; narrow the search)</source>
            <translation> (первая страница; уточните поиск)</translation>
        </message>
        <message numerus="yes">
            <source>%n examination(s)</source>
            <translation>
                <numerusform>%n исследование</numerusform>
                <numerusform>%n исследования</numerusform>
                <numerusform>%n исследований</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>check titles</name>
        <message>
            <source>barcode where the specimen has one</source>
            <translation>штрихкод там, где он есть у образца</translation>
        </message>
        <message>
            <source>barcode data against the page</source>
            <translation>данные штрихкода в сравнении со страницей</translation>
        </message>
        <message>
            <source>digital seal signature</source>
            <translation>подпись цифровой печати</translation>
        </message>
        <message>
            <source>document matched to a specimen</source>
            <translation>документ сопоставлен с образцом</translation>
        </message>
        <message>
            <source>lights needed are present</source>
            <translation>снимки во всех нужных видах освещения</translation>
        </message>
        <message>
            <source>the zones to check are in the image</source>
            <translation>проверяемые зоны в кадре</translation>
        </message>
        <message>
            <source>page size at the capture's dpi</source>
            <translation>размер страницы при разрешении снимка (dpi)</translation>
        </message>
        <message>
            <source>the chip: authentication and agreement with the page</source>
            <translation>чип: аутентификация и соответствие странице</translation>
        </message>
        <message>
            <source>dates plausible, document not expired</source>
            <translation>даты правдоподобны, срок действия не истёк</translation>
        </message>
        <message>
            <source>IR-absorbing print shows under IR</source>
            <translation>ИК-поглощающая печать видна в ИК</translation>
        </message>
        <message>
            <source>IR-dropout print vanishes under IR</source>
            <translation>ИК-прозрачная печать исчезает в ИК</translation>
        </message>
        <message>
            <source>MRZ check digits</source>
            <translation>контрольные цифры МСЗ</translation>
        </message>
        <message>
            <source>issuing state known</source>
            <translation>государство выдачи известно</translation>
        </message>
        <message>
            <source>MRZ against the printed fields</source>
            <translation>МСЗ в сравнении с напечатанными полями</translation>
        </message>
        <message>
            <source>pattern matches the specimen</source>
            <translation>рисунок совпадает с образцом</translation>
        </message>
        <message>
            <source>portrait not substituted</source>
            <translation>фотография не заменена</translation>
        </message>
        <message>
            <source>UV-dull substrate</source>
            <translation>основа, не люминесцирующая в УФ</translation>
        </message>
        <message>
            <source>luminescent features present</source>
            <translation>люминесцентные элементы присутствуют</translation>
        </message>
        <message>
            <source>luminescent pattern across the portrait's edge</source>
            <translation>люминесцентный рисунок через край фотографии</translation>
        </message>
        <message>
            <source>no luminescence where the specimen has none</source>
            <translation>нет люминесценции там, где её нет у образца</translation>
        </message>
        <message>
            <source>the chip's data as its issuer signed it (Passive Authentication)</source>
            <translation>данные чипа в том виде, как их подписал эмитент (пассивная аутентификация)</translation>
        </message>
        <message>
            <source>the chip is no copy (Chip Authentication)</source>
            <translation>чип не является копией (аутентификация чипа)</translation>
        </message>
        <message>
            <source>the chip is no copy (Active Authentication)</source>
            <translation>чип не является копией (активная аутентификация)</translation>
        </message>
        <message>
            <source>the chip's MRZ against the printed MRZ</source>
            <translation>МСЗ чипа в сравнении с напечатанной МСЗ</translation>
        </message>
        <message>
            <source>the chip's photograph against the printed portrait</source>
            <translation>фотография из чипа в сравнении с напечатанным портретом</translation>
        </message>
        <message>
            <source>retro-reflective laminate pattern under coaxial light</source>
            <translation>световозвращающий рисунок ламината в коаксиальном свете</translation>
        </message>
        <message>
            <source>security fibres: density and colours</source>
            <translation>защитные волокна: плотность и цвета</translation>
        </message>
        <message>
            <source>ghost image repeats the portrait</source>
            <translation>теневое изображение повторяет фотографию</translation>
        </message>
        <message>
            <source>microprint resolved as text</source>
            <translation>микропечать различима как текст</translation>
        </message>
        <message>
            <source>relief under grazing light</source>
            <translation>рельеф в скользящем свете</translation>
        </message>
        <message>
            <source>watermark and see-through register in transmitted light</source>
            <translation>водяной знак и совмещение на просвет в проходящем свете</translation>
        </message>
        <message>
            <source>laser perforation transmits and spells the document number</source>
            <translation>лазерная перфорация пропускает свет и образует номер документа</translation>
        </message>
        <message>
            <source>short-wave UV (254 nm) luminescent features present</source>
            <translation>люминесцентные элементы в коротковолновом УФ (254 нм) присутствуют</translation>
        </message>
    </context>
    <context>
        <name>checks</name>
        <message>
            <source>{detail}</source>
            <translation>{detail}</translation>
        </message>
        <message>
            <source>line {line} differs</source>
            <translation>строка {line} отличается</translation>
        </message>
        <message>
            <source>{lines} lines against {other}</source>
            <translation>строк: {lines} против {other}</translation>
        </message>
        <message>
            <source>barcode {value!r}, MRZ {other!r}</source>
            <translation>штрихкод {value!r}, МСЗ {other!r}</translation>
        </message>
        <message>
            <source>the capture holds no chip files (no chip/ folder, no chip read)</source>
            <translation>в снимке нет файлов чипа (нет папки chip/, чип не прочитан)</translation>
        </message>
        <message>
            <source>the chip/ folder holds no chip files</source>
            <translation>в папке chip/ нет файлов чипа</translation>
        </message>
        <message>
            <source>the chip's data cannot be proved: {problems}</source>
            <translation>данные чипа невозможно подтвердить: {problems}</translation>
        </message>
        <message>
            <source>no EF.SOD</source>
            <translation>нет EF.SOD</translation>
        </message>
        <message>
            <source>{groups} differs from what the document signer signed: the chip's data was altered</source>
            <translation>{groups} отличается от подписанного подписантом документов: данные чипа изменены</translation>
        </message>
        <message>
            <source>{groups} differ from what the document signer signed: the chip's data was altered</source>
            <translation>{groups} отличаются от подписанного подписантом документов: данные чипа изменены</translation>
        </message>
        <message>
            <source>the security object's signature does not verify ({algorithm})</source>
            <translation>подпись объекта безопасности не проходит проверку ({algorithm})</translation>
        </message>
        <message>
            <source>the document signer ({signer}) was not issued by any trusted CSCA of {country}: unknown signer</source>
            <translation>подписант документов ({signer}) не выдан ни одним доверенным CSCA страны {country}: неизвестный подписант</translation>
        </message>
        <message>
            <source>the document signer ({signer}) is revoked</source>
            <translation>сертификат подписанта документов ({signer}) отозван</translation>
        </message>
        <message>
            <source>hashes and signature verify, but no CSCA of {country} is in the trust store to prove the signer ({signer}): import the master list</source>
            <translation>хеши и подпись верны, но в хранилище доверенных сертификатов нет CSCA страны {country}, чтобы подтвердить подписанта ({signer}): импортируйте мастер-список</translation>
        </message>
        <message>
            <source>{groups} not covered by the security object (unproven)</source>
            <translation>{groups}: не охвачено объектом безопасности (не подтверждено)</translation>
        </message>
        <message>
            <source>{groups} as signed by {signer}, chained to {csca}</source>
            <translation>{groups}: как подписано {signer}, цепочка до {csca}</translation>
        </message>
        <message>
            <source>the chip does not offer {what}</source>
            <translation>чип не поддерживает: {what}</translation>
        </message>
        <message>
            <source>{what} needs the chip itself (these are files read earlier)</source>
            <translation>{what}: нужен сам чип (это файлы, прочитанные ранее)</translation>
        </message>
        <message>
            <source>{protocol}: {detail}</source>
            <translation>{protocol}: {detail}</translation>
        </message>
        <message>
            <source>the chip offers {what} and failed it: {detail}</source>
            <translation>чип поддерживает, но не прошёл — {what}: {detail}</translation>
        </message>
        <message>
            <source>{what}: {detail}</source>
            <translation>{what}: {detail}</translation>
        </message>
        <message>
            <source>the chip's DG1 is unreadable</source>
            <translation>DG1 чипа не читается</translation>
        </message>
        <message>
            <source>no DG1 read</source>
            <translation>DG1 не прочитана</translation>
        </message>
        <message>
            <source>no printed MRZ was read to compare the chip's DG1 with</source>
            <translation>не прочитана напечатанная МСЗ для сравнения с DG1 чипа</translation>
        </message>
        <message>
            <source>the chip's DG1 differs from the printed MRZ in {fields} ({shown})</source>
            <translation>DG1 чипа отличается от напечатанной МСЗ: {fields} ({shown})</translation>
        </message>
        <message>
            <source>{field}: chip {chip!r}, page {page!r}</source>
            <translation>{field}: чип {chip!r}, страница {page!r}</translation>
        </message>
        <message>
            <source>the chip's DG1 equals the printed MRZ</source>
            <translation>DG1 чипа совпадает с напечатанной МСЗ</translation>
        </message>
        <message>
            <source>no face image decodes from DG2</source>
            <translation>из DG2 не декодируется изображение лица</translation>
        </message>
        <message>
            <source>no DG2 read</source>
            <translation>DG2 не прочитана</translation>
        </message>
        <message>
            <source>no printed portrait to compare (no specimen matched and no face found on the page)</source>
            <translation>нет напечатанного портрета для сравнения (образец не сопоставлен, лицо на странице не найдено)</translation>
        </message>
        <message>
            <source>the printed portrait is the chip's photograph (similarity {score:.3f})</source>
            <translation>напечатанный портрет соответствует фотографии из чипа (сходство {score:.3f})</translation>
        </message>
        <message>
            <source>the printed portrait does not look like the chip's photograph (similarity {score:.3f} &lt; {threshold:.2f}): compare the faces side by side</source>
            <translation>напечатанный портрет не похож на фотографию из чипа (сходство {score:.3f} &lt; {threshold:.2f}): сравните лица рядом</translation>
        </message>
        <message>
            <source>the printed portrait shows another person than the chip's photograph (identity distance {distance:.2f} &gt;= {identity_threshold:.2f}, similarity {score:.3f}): compare the faces side by side</source>
            <translation>на напечатанном портрете другой человек, чем на фотографии из чипа (расстояние идентичности {distance:.2f} &gt;= {identity_threshold:.2f}, сходство {score:.3f}): сравните лица рядом</translation>
        </message>
        <message>
            <source>no document found on the platen</source>
            <translation>на предметном стекле документ не найден</translation>
        </message>
        <message>
            <source>no document found: {reason}</source>
            <translation>документ не найден: {reason}</translation>
        </message>
        <message>
            <source>no specimen in the library fits the document</source>
            <translation>в библиотеке нет образца, подходящего к документу</translation>
        </message>
        <message>
            <source>no specimen in the library fits the document (MRZ: state {state}, code {code}, format {format})</source>
            <translation>в библиотеке нет образца, подходящего к документу (МСЗ: государство {state}, код {code}, формат {format})</translation>
        </message>
        <message>
            <source>no specimen matched</source>
            <translation>образец не сопоставлен</translation>
        </message>
        <message>
            <source>the page does not register onto specimen {specimen}: alignment quality {quality:.2f}, genuine captures reach {needed:.2f} ({basis}); {note}</source>
            <translation>страница не совмещается с образцом {specimen}: качество совмещения {quality:.2f}, подлинные снимки достигают {needed:.2f} ({basis}); {note}</translation>
        </message>
        <message>
            <source>the MRZ names {specimen}, but the page does not register onto specimen {specimen}: alignment quality {quality:.2f}, genuine captures reach {needed:.2f} ({basis}); {note}</source>
            <translation>МСЗ указывает на {specimen}, но страница не совмещается с образцом {specimen}: качество совмещения {quality:.2f}, подлинные снимки достигают {needed:.2f} ({basis}); {note}</translation>
        </message>
        <message numerus="yes">
            <source>learned from %n exemplars</source>
            <translation>
                <numerusform>изучено по %n экземпляру</numerusform>
                <numerusform>изучено по %n экземплярам</numerusform>
                <numerusform>изучено по %n экземплярам</numerusform>
            </translation>
        </message>
        <message>
            <source>the prior minimum</source>
            <translation>априорный минимум</translation>
        </message>
        <message>
            <source>no page edge was found, the whole image was taken as the page</source>
            <translation>край страницы не найден, всё изображение принято за страницу</translation>
        </message>
        <message>
            <source>page finder: {reason}</source>
            <translation>поиск страницы: {reason}</translation>
        </message>
        <message>
            <source>the page was found; its print does not match the specimen's</source>
            <translation>страница найдена; её печать не совпадает с печатью образца</translation>
        </message>
        <message>
            <source>{title}: {reason}</source>
            <translation>{title}: {reason}</translation>
        </message>
        <message>
            <source>{title}: the capture has no {lights} image</source>
            <translation>{title}: в снимке нет изображения ({lights})</translation>
        </message>
        <message>
            <source>{title}: could not run ({error})</source>
            <translation>{title}: не удалось выполнить ({error})</translation>
        </message>
        <message>
            <source>compared with specimen {specimen} ({title})</source>
            <translation>сравнено с образцом {specimen} ({title})</translation>
        </message>
        <message>
            <source>the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ names state {mrz_state}, code {mrz_code}, format {mrz_format}</source>
            <translation>страница совпадает с образцом {specimen} ({state}, {code}, {format}), но в её МСЗ указаны государство {mrz_state}, код {mrz_code}, формат {mrz_format}</translation>
        </message>
        <message>
            <source>the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ names state {mrz_state}, code {mrz_code}, format {mrz_format}, expiring {expiry}</source>
            <translation>страница совпадает с образцом {specimen} ({state}, {code}, {format}), но в её МСЗ указаны государство {mrz_state}, код {mrz_code}, формат {mrz_format}, срок действия до {expiry}</translation>
        </message>
        <message>
            <source>the capture has no {lights} image: the checks under that light cannot run</source>
            <translation>в снимке нет изображения ({lights}): проверки в этом освещении невозможны</translation>
        </message>
        <message>
            <source>every light the checks need was captured</source>
            <translation>снимки сделаны во всех видах освещения, нужных проверкам</translation>
        </message>
        <message>
            <source>the image shows every zone the specimen checks</source>
            <translation>на изображении видны все зоны, проверяемые по образцу</translation>
        </message>
        <message>
            <source>the page lies partly outside the image: {zones} not examined; capture the whole page again</source>
            <translation>страница частично вне изображения: {zones} не проверены; снимите всю страницу заново</translation>
        </message>
        <message>
            <source>the capture states no dpi: the page's size was taken from the specimen</source>
            <translation>в снимке не указано разрешение (dpi): размер страницы взят у образца</translation>
        </message>
        <message>
            <source>the page measures {width:.1f} x {height:.1f} mm at the stated {dpi:g} dpi but the specimen is {spec_width:g} x {spec_height:g} mm: the capture's dpi is wrong or the document is not of this type</source>
            <translation>при указанных {dpi:g} dpi страница имеет размер {width:.1f} x {height:.1f} мм, а образец — {spec_width:g} x {spec_height:g} мм: разрешение снимка указано неверно или документ другого типа</translation>
        </message>
        <message>
            <source>the page measures {width:.1f} x {height:.1f} mm (specimen {spec_width:g} x {spec_height:g} mm)</source>
            <translation>размер страницы {width:.1f} x {height:.1f} мм (образец {spec_width:g} x {spec_height:g} мм)</translation>
        </message>
        <message>
            <source>the capture has no {lights} image: the checks under that light cannot run; not captured (optional, their checks skipped): {optional}</source>
            <translation>в снимке нет изображения ({lights}): проверки в этом освещении невозможны; не снято (необязательно, их проверки пропущены): {optional}</translation>
        </message>
        <message>
            <source>white, UV and IR were captured; not captured (optional, their checks skipped): {optional}</source>
            <translation>сняты белый свет, УФ и ИК; не снято (необязательно, их проверки пропущены): {optional}</translation>
        </message>
        <message>
            <source>the capture has no {light} image: this check needs it</source>
            <translation>в снимке нет изображения ({light}): оно нужно этой проверке</translation>
        </message>
        <message>
            <source>{zone}: {reason}</source>
            <translation>{zone}: {reason}</translation>
        </message>
        <message>
            <source>zone outside the page</source>
            <translation>зона за пределами страницы</translation>
        </message>
        <message>
            <source>zone outside the specimen</source>
            <translation>зона за пределами образца</translation>
        </message>
        <message>
            <source>the specimen shows no relief under a lamp near {azimuth:.0f}°</source>
            <translation>у образца не виден рельеф при лампе около {azimuth:.0f}°</translation>
        </message>
        <message>
            <source>fibres are counted on a colour UV image</source>
            <translation>волокна считаются на цветном УФ-изображении</translation>
        </message>
        <message>
            <source>the specimen shows no fibres in the zone</source>
            <translation>у образца в зоне не видно волокон</translation>
        </message>
        <message>
            <source>the specimen shows no microprint line in the zone</source>
            <translation>у образца в зоне не видно строки микропечати</translation>
        </message>
        <message>
            <source>the specimen's own ghost image does not repeat its {role} (residual {residual:.2f})</source>
            <translation>собственное теневое изображение образца не повторяет его {role} (остаток {residual:.2f})</translation>
        </message>
        <message>
            <source>the microprint (character pitch {pitch:.2f} mm) needs at least {needed:.0f} dpi; the capture has {dpi:.0f} dpi</source>
            <translation>для микропечати (шаг знаков {pitch:.2f} мм) нужно не менее {needed:.0f} dpi; в снимке {dpi:.0f} dpi</translation>
        </message>
        <message>
            <source>the specimen has no {role} zone</source>
            <translation>у образца нет зоны {role}</translation>
        </message>
        <message>
            <source>luminescence is measured on colour images</source>
            <translation>люминесценция измеряется на цветных изображениях</translation>
        </message>
        <message>
            <source>the specimen marks no relief</source>
            <translation>у образца не отмечен рельеф</translation>
        </message>
        <message>
            <source>{zone}: no relief under grazing light ({light}): a flat print</source>
            <translation>{zone}: нет рельефа в скользящем свете ({light}): плоская печать</translation>
        </message>
        <message>
            <source>{zone}: the shading under {light} does not match the specimen's for that lamp direction: other relief, or shading that does not turn with the lamp</source>
            <translation>{zone}: тени в свете {light} не совпадают с тенями образца при этом направлении лампы: другой рельеф или тени, не поворачивающиеся вместе с лампой</translation>
        </message>
        <message>
            <source>{zone}: relief present under {lamps}, turning with the lamp</source>
            <translation>{zone}: рельеф присутствует в свете {lamps} и поворачивается вместе с лампой</translation>
        </message>
        <message>
            <source>{zone}: relief present under {lamps} (one lamp direction only: the capture has no second oblique light)</source>
            <translation>{zone}: рельеф присутствует в свете {lamps} (только одно направление лампы: в снимке нет второго косого света)</translation>
        </message>
        <message>
            <source>{light} ({azimuth}°)</source>
            <translation>{light} ({azimuth}°)</translation>
        </message>
        <message>
            <source>the specimen marks no watermark</source>
            <translation>у образца не отмечен водяной знак</translation>
        </message>
        <message>
            <source>{zone}: the pattern shows in reflected light: printed on the surface, not in the paper</source>
            <translation>{zone}: рисунок виден в отражённом свете: напечатан на поверхности, а не в бумаге</translation>
        </message>
        <message>
            <source>{zone}: the light through the sheet does not show the specimen's pattern</source>
            <translation>{zone}: свет сквозь лист не показывает рисунок образца</translation>
        </message>
        <message>
            <source>{zone}: shows through the sheet as the specimen's, not on its surface</source>
            <translation>{zone}: виден сквозь лист, как у образца, а не на его поверхности</translation>
        </message>
        <message>
            <source>the specimen marks no perforation</source>
            <translation>у образца не отмечена перфорация</translation>
        </message>
        <message>
            <source>{zone}: no perforation: neither holes nor dots</source>
            <translation>{zone}: перфорации нет: ни отверстий, ни точек</translation>
        </message>
        <message>
            <source>{zone}: the dots let no light through: printed, not punched</source>
            <translation>{zone}: точки не пропускают свет: напечатаны, а не пробиты</translation>
        </message>
        <message>
            <source>{zone}: the holes let the light through (read {read!r}; no MRZ {field} to compare)</source>
            <translation>{zone}: отверстия пропускают свет (прочитано {read!r}; нет поля МСЗ «{field}» для сравнения)</translation>
        </message>
        <message>
            <source>{zone}: punched, transmitting, and spells {printed} as the MRZ does</source>
            <translation>{zone}: пробита, пропускает свет и образует {printed}, как в МСЗ</translation>
        </message>
        <message>
            <source>{zone}: spells {read!r} but the MRZ's {field} is {printed}</source>
            <translation>{zone}: образует {read!r}, но поле МСЗ «{field}» — {printed}</translation>
        </message>
        <message>
            <source>{zone}: the holes transmit but could not be read with confidence (read {read!r}, {confidence:.0%}) to compare with {printed}</source>
            <translation>{zone}: отверстия пропускают свет, но не прочитаны уверенно (прочитано {read!r}, {confidence:.0%}) для сравнения с {printed}</translation>
        </message>
        <message>
            <source>the specimen marks no retro-reflective laminate</source>
            <translation>у образца не отмечен световозвращающий ламинат</translation>
        </message>
        <message>
            <source>{zone}: coaxial light does not show the specimen's laminate pattern: a plain laminate or none</source>
            <translation>{zone}: коаксиальный свет не показывает рисунок ламината образца: простой ламинат или его нет</translation>
        </message>
        <message>
            <source>{zone}: the laminate's pattern shows under coaxial light</source>
            <translation>{zone}: рисунок ламината виден в коаксиальном свете</translation>
        </message>
        <message>
            <source>the specimen marks no short-wave UV feature</source>
            <translation>у образца не отмечен элемент коротковолнового УФ</translation>
        </message>
        <message>
            <source>{zone}: does not glow under UV 254 nm</source>
            <translation>{zone}: не светится в УФ 254 нм</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm in another pattern</source>
            <translation>{zone}: светится в УФ 254 нм другим рисунком</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm in another colour</source>
            <translation>{zone}: светится в УФ 254 нм другим цветом</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm with the specimen's pattern and colour</source>
            <translation>{zone}: светится в УФ 254 нм рисунком и цветом образца</translation>
        </message>
        <message>
            <source>the specimen marks no fibres</source>
            <translation>у образца не отмечены волокна</translation>
        </message>
        <message>
            <source>{zone}: {density:.2f} fibres per cm² ({count} found), outside the specimen's range</source>
            <translation>{zone}: {density:.2f} волокна на см² (найдено {count}), вне диапазона образца</translation>
        </message>
        <message>
            <source>{zone}: the fibres' colours differ from the specimen's mix</source>
            <translation>{zone}: цвета волокон отличаются от набора образца</translation>
        </message>
        <message>
            <source>{zone}: the fibres glow as brightly over print as on bare paper: printed on the surface, not in the paper</source>
            <translation>{zone}: волокна светятся над печатью так же ярко, как на чистой бумаге: напечатаны на поверхности, а не в бумаге</translation>
        </message>
        <message>
            <source>{zone}: {count} fibres ({density:.2f} per cm²) in the specimen's colours, embedded in the paper</source>
            <translation>{zone}: {count} волокон ({density:.2f} на см²) цветов образца, внедрены в бумагу</translation>
        </message>
        <message>
            <source>the specimen marks no ghost image</source>
            <translation>у образца не отмечено теневое изображение</translation>
        </message>
        <message>
            <source>{zone}: does not repeat the {of}: another face, or the {of} was replaced</source>
            <translation>{zone}: не повторяет элемент «{of}»: другое лицо, или «{of}» заменён</translation>
        </message>
        <message>
            <source>{zone}: repeats the {of}</source>
            <translation>{zone}: повторяет элемент «{of}»</translation>
        </message>
        <message>
            <source>the specimen marks no microprint</source>
            <translation>у образца не отмечена микропечать</translation>
        </message>
        <message>
            <source>{zone}: the microprint is not resolved (a plain or blurred line): copied or reprinted</source>
            <translation>{zone}: микропечать не различима (простая или размытая линия): копия или перепечатка</translation>
        </message>
        <message>
            <source>{zone}: the microprint is resolved at {dpi:.0f} dpi</source>
            <translation>{zone}: микропечать различима при {dpi:.0f} dpi</translation>
        </message>
        <message>
            <source>{zone}: the line looks like the specimen's at {dpi:.0f} dpi, but its letters (pitch {pitch:.2f} mm) need at least {needed:.0f} dpi: at this density a halftone reprint looks the same</source>
            <translation>{zone}: при {dpi:.0f} dpi линия выглядит как у образца, но для её букв (шаг {pitch:.2f} мм) нужно не менее {needed:.0f} dpi: при такой плотности растровая перепечатка выглядит так же</translation>
        </message>
        <message>
            <source>{zone}: the line looks like the specimen's, but the specimen's image ({dpi:.0f} dpi) does not show the letters (pitch {pitch:.2f} mm, {needed:.0f} dpi needed): a halftone reprint cannot be told apart</source>
            <translation>{zone}: линия выглядит как у образца, но изображение образца ({dpi:.0f} dpi) не показывает букв (шаг {pitch:.2f} мм, нужно {needed:.0f} dpi): растровую перепечатку не отличить</translation>
        </message>
        <message>
            <source>{zone}: its content is the holder's, not compared with the specimen's</source>
            <translation>{zone}: содержимое принадлежит владельцу, с образцом не сравнивается</translation>
        </message>
        <message>
            <source>{message} ({measures})</source>
            <translation>{message} ({measures})</translation>
        </message>
        <message>
            <source>{measure} {value:.3g} ({tolerance})</source>
            <translation>{measure} {value:.3g} ({tolerance})</translation>
        </message>
        <message numerus="yes">
            <source>learned from %n exemplars: {range}</source>
            <translation>
                <numerusform>изучено по %n экземпляру: {range}</numerusform>
                <numerusform>изучено по %n экземплярам: {range}</numerusform>
                <numerusform>изучено по %n экземплярам: {range}</numerusform>
            </translation>
        </message>
        <message>
            <source>prior (too few exemplars): {range}</source>
            <translation>априорное значение (слишком мало экземпляров): {range}</translation>
        </message>
        <message>
            <source>not judged (nothing learned, no prior)</source>
            <translation>не оценивается (ничего не изучено, априорного значения нет)</translation>
        </message>
        <message>
            <source>&gt;= {lo:.3g}</source>
            <translation>&gt;= {lo:.3g}</translation>
        </message>
        <message>
            <source>&lt;= {hi:.3g}</source>
            <translation>&lt;= {hi:.3g}</translation>
        </message>
        <message>
            <source>&gt;= {lo:.3g} and &lt;= {hi:.3g}</source>
            <translation>&gt;= {lo:.3g} и &lt;= {hi:.3g}</translation>
        </message>
        <message>
            <source>no bare substrate found on the page</source>
            <translation>на странице не найдена основа без печати</translation>
        </message>
        <message>
            <source>the substrate glows under UV ({score:.2f} of its white-light brightness): not UV-dull security paper</source>
            <translation>основа люминесцирует в УФ ({score:.2f} её яркости в белом свете): не защитная бумага без УФ-люминесценции</translation>
        </message>
        <message>
            <source>substrate shows no luminescence</source>
            <translation>основа не люминесцирует</translation>
        </message>
        <message>
            <source>the specimen marks no UV-dull zone</source>
            <translation>у образца не отмечена зона без УФ-люминесценции</translation>
        </message>
        <message>
            <source>{zone}: glows under UV ({score:.1f}x the specimen's substrate): not UV-dull security paper</source>
            <translation>{zone}: люминесцирует в УФ ({score:.1f}x основы образца): не защитная бумага без УФ-люминесценции</translation>
        </message>
        <message>
            <source>{zone}: substrate shows no luminescence</source>
            <translation>{zone}: основа не люминесцирует</translation>
        </message>
        <message>
            <source>{zone}: glows under UV unlike the specimen's genuine exemplars: not UV-dull security paper</source>
            <translation>{zone}: люминесцирует в УФ, в отличие от подлинных экземпляров образца: не защитная бумага без УФ-люминесценции</translation>
        </message>
        <message>
            <source>the specimen marks no luminescent zone</source>
            <translation>у образца не отмечена люминесцентная зона</translation>
        </message>
        <message>
            <source>zone outside the page or UV image not in colour</source>
            <translation>зона за пределами страницы или УФ-изображение не цветное</translation>
        </message>
        <message>
            <source>{zone}: missing or wrong under UV ({problems})</source>
            <translation>{zone}: в УФ отсутствует или не соответствует ({problems})</translation>
        </message>
        <message>
            <source>glows at {ratio:.0%} of the specimen's strength</source>
            <translation>светится на {ratio:.0%} силы образца</translation>
        </message>
        <message>
            <source>pattern correlates {correlation:.2f} with the specimen's</source>
            <translation>корреляция рисунка с образцом {correlation:.2f}</translation>
        </message>
        <message>
            <source>colour off by {hue:.0f}°</source>
            <translation>цвет отклоняется на {hue:.0f}°</translation>
        </message>
        <message>
            <source>{zone}: present with the specimen's pattern and colour</source>
            <translation>{zone}: присутствует, рисунок и цвет как у образца</translation>
        </message>
        <message>
            <source>{zone}: missing or wrong under UV</source>
            <translation>{zone}: в УФ отсутствует или не соответствует</translation>
        </message>
        <message>
            <source>{zone}: present as in the specimen's genuine exemplars</source>
            <translation>{zone}: присутствует, как у подлинных экземпляров образца</translation>
        </message>
        <message>
            <source>no luminescent zone of the specimen crosses the portrait's edge</source>
            <translation>ни одна люминесцентная зона образца не пересекает край фотографии</translation>
        </message>
        <message>
            <source>the specimen's pattern does not reach both sides of the portrait's edge</source>
            <translation>рисунок образца не доходит до обеих сторон края фотографии</translation>
        </message>
        <message>
            <source>{zone}: the luminescent pattern is missing</source>
            <translation>{zone}: люминесцентный рисунок отсутствует</translation>
        </message>
        <message>
            <source>{zone}: the luminescent pattern stops at the portrait's edge ({inside:.0%} inside vs {outside:.0%} outside): portrait replaced?</source>
            <translation>{zone}: люминесцентный рисунок обрывается на краю фотографии ({inside:.0%} внутри против {outside:.0%} снаружи): фотография заменена?</translation>
        </message>
        <message>
            <source>{zone}: the pattern runs on across the portrait's edge</source>
            <translation>{zone}: рисунок непрерывно переходит через край фотографии</translation>
        </message>
        <message>
            <source>{area:.0f} mm² glow under UV where the specimen has no luminescence</source>
            <translation>{area:.0f} мм² светятся в УФ там, где у образца нет люминесценции</translation>
        </message>
        <message>
            <source>{area:.0f} mm² glow under UV where the specimen has no luminescence (at {zone})</source>
            <translation>{area:.0f} мм² светятся в УФ там, где у образца нет люминесценции (зона: {zone})</translation>
        </message>
        <message>
            <source>no luminescence outside the specimen's luminescent features</source>
            <translation>нет люминесценции вне люминесцентных элементов образца</translation>
        </message>
        <message>
            <source>no MRZ located: its IR contrast cannot be measured</source>
            <translation>МСЗ не найдена: её контраст в ИК измерить невозможно</translation>
        </message>
        <message>
            <source>the MRZ region is too small</source>
            <translation>область МСЗ слишком мала</translation>
        </message>
        <message>
            <source>{zone}: no print found in the zone</source>
            <translation>{zone}: в зоне не найдена печать</translation>
        </message>
        <message>
            <source>{zone}: fades under IR ({ratio:.0%} of its white-light contrast): not printed in IR-absorbing ink</source>
            <translation>{zone}: бледнеет в ИК ({ratio:.0%} контраста в белом свете): напечатано не ИК-поглощающей краской</translation>
        </message>
        <message>
            <source>{zone}: shows with contrast under IR</source>
            <translation>{zone}: контрастно видна в ИК</translation>
        </message>
        <message>
            <source>{zone}: its print fades under IR unlike the specimen's genuine exemplars: not printed in IR-absorbing ink</source>
            <translation>{zone}: печать бледнеет в ИК, в отличие от подлинных экземпляров образца: напечатано не ИК-поглощающей краской</translation>
        </message>
        <message>
            <source>the specimen marks no IR-visible zone</source>
            <translation>у образца не отмечена зона, видимая в ИК</translation>
        </message>
        <message>
            <source>the specimen marks no invisible zone</source>
            <translation>у образца не отмечена зона, исчезающая в ИК</translation>
        </message>
        <message>
            <source>{zone}: shows structure under {light} where the specimen's print drops out</source>
            <translation>{zone}: видна структура там, где печать образца исчезает (освещение: {light})</translation>
        </message>
        <message>
            <source>{zone}: drops out under {light} as it should</source>
            <translation>{zone}: исчезает, как и должна (освещение: {light})</translation>
        </message>
        <message>
            <source>the specimen marks no zone to match</source>
            <translation>у образца не отмечены зоны для сравнения</translation>
        </message>
        <message>
            <source>zone outside the page or too small to compare</source>
            <translation>зона за пределами страницы или слишком мала для сравнения</translation>
        </message>
        <message>
            <source>{zone}: the pattern differs from the specimen's (similarity {score:.2f})</source>
            <translation>{zone}: рисунок отличается от рисунка образца (сходство {score:.2f})</translation>
        </message>
        <message>
            <source>{zone}: matches the specimen</source>
            <translation>{zone}: совпадает с образцом</translation>
        </message>
        <message>
            <source>{zone}: the print differs from the specimen's genuine exemplars (redrawn, or copied and reprinted)</source>
            <translation>{zone}: печать отличается от подлинных экземпляров образца (перерисована или скопирована и перепечатана)</translation>
        </message>
        <message>
            <source>the specimen marks no portrait</source>
            <translation>у образца не отмечена фотография</translation>
        </message>
        <message>
            <source>{zone}: the specimen has learned nothing of the paper and print around the portrait to compare with</source>
            <translation>{zone}: образец ничего не узнал о бумаге и печати вокруг фотографии — сравнивать не с чем</translation>
        </message>
        <message>
            <source>{zone}: the paper glows differently under UV inside the portrait's border than around it (a photo on other paper pasted in?)</source>
            <translation>{zone}: бумага внутри границы фотографии светится в УФ иначе, чем вокруг неё (вклеена фотография на другой бумаге?)</translation>
        </message>
        <message>
            <source>{zone}: the paper's UV response continues across the portrait's border</source>
            <translation>{zone}: свечение бумаги в УФ не меняется на границе фотографии</translation>
        </message>
        <message>
            <source>{zone}: the UV print across the portrait sits elsewhere inside it than around it (a portrait cut out of another document?)</source>
            <translation>{zone}: печать в УФ, проходящая через фотографию, внутри неё лежит иначе, чем вокруг (фотография вырезана из другого документа?)</translation>
        </message>
        <message>
            <source>{zone}: the UV print across the portrait continues in register across its border</source>
            <translation>{zone}: печать в УФ, проходящая через фотографию, совмещена по обе стороны её границы</translation>
        </message>
        <message>
            <source>no MRZ could be read on the page</source>
            <translation>МСЗ на странице прочитать не удалось</translation>
        </message>
        <message numerus="yes">
            <source>the text read (%n line(s)) fits no MRZ layout</source>
            <translation>
                <numerusform>прочитанный текст (%n строка) не подходит ни к одному формату МСЗ</numerusform>
                <numerusform>прочитанный текст (%n строки) не подходит ни к одному формату МСЗ</numerusform>
                <numerusform>прочитанный текст (%n строк) не подходит ни к одному формату МСЗ</numerusform>
            </translation>
        </message>
        <message>
            <source>{reason}, but the {specimen} specimen has a {format} MRZ</source>
            <translation>{reason}, но у образца {specimen} есть МСЗ формата {format}</translation>
        </message>
        <message numerus="yes">
            <source>all %n check digits of the {format} MRZ verify</source>
            <translation>
                <numerusform>%n контрольная цифра МСЗ формата {format} верна</numerusform>
                <numerusform>все %n контрольные цифры МСЗ формата {format} верны</numerusform>
                <numerusform>все %n контрольных цифр МСЗ формата {format} верны</numerusform>
            </translation>
        </message>
        <message>
            <source>MRZ check digit wrong: {what}</source>
            <translation>неверная контрольная цифра МСЗ: {what}</translation>
        </message>
        <message>
            <source>the MRZ lies partly outside the image and was not read (the {specimen} specimen has one there): capture the whole page again</source>
            <translation>МСЗ частично вне изображения и не прочитана (у образца {specimen} она там есть): снимите всю страницу заново</translation>
        </message>
        <message>
            <source>the MRZ reaches the edge of the image and its characters there may be cut; not verified on what the image shows: {what}. Capture the whole page again</source>
            <translation>МСЗ доходит до края изображения, и символы там могут быть обрезаны; не проверено по видимой части: {what}. Снимите всю страницу заново</translation>
        </message>
        <message>
            <source>MRZ check digit wrong: {what}; as printed ({undone})</source>
            <translation>неверная контрольная цифра МСЗ: {what}; как напечатано ({undone})</translation>
        </message>
        <message>
            <source>characters outside the MRZ set</source>
            <translation>символы вне набора МСЗ</translation>
        </message>
        <message>
            <source>line {line} position {position} reads {read!r} clearly, the reader would change it to {to!r}</source>
            <translation>строка {line}, позиция {position}: чётко читается {read!r}, считыватель исправил бы на {to!r}</translation>
        </message>
        <message>
            <source>issuing state {state} is known</source>
            <translation>государство выдачи {state} известно</translation>
        </message>
        <message>
            <source>issuing state {state!r} is neither an ICAO code nor a state of the specimen library</source>
            <translation>государство выдачи {state!r} — не код ИКАО и не государство из библиотеки образцов</translation>
        </message>
        <message>
            <source>the specimen marks no printed fields the MRZ also holds</source>
            <translation>у образца не отмечены напечатанные поля, которые есть и в МСЗ</translation>
        </message>
        <message>
            <source>{field}: the printed field could not be read ({reason})</source>
            <translation>{field}: напечатанное поле не прочитано ({reason})</translation>
        </message>
        <message>
            <source>{field}: printed field agrees with the MRZ</source>
            <translation>{field}: напечатанное поле совпадает с МСЗ</translation>
        </message>
        <message>
            <source>{field}: printed field disagrees with the MRZ ({why})</source>
            <translation>{field}: напечатанное поле расходится с МСЗ ({why})</translation>
        </message>
        <message>
            <source>date of birth {value!r} is not a date</source>
            <translation>дата рождения {value!r} — не дата</translation>
        </message>
        <message>
            <source>date of expiry {value!r} is not a date</source>
            <translation>дата окончания срока {value!r} — не дата</translation>
        </message>
        <message>
            <source>born in the future ({date})</source>
            <translation>дата рождения в будущем ({date})</translation>
        </message>
        <message>
            <source>holder older than {years} years</source>
            <translation>владельцу больше {years} лет</translation>
        </message>
        <message>
            <source>expires before the holder's birth</source>
            <translation>срок действия истекает до рождения владельца</translation>
        </message>
        <message>
            <source>issued ({date}) after it expires</source>
            <translation>выдан ({date}) после окончания срока действия</translation>
        </message>
        <message>
            <source>issued in the future ({date})</source>
            <translation>выдан в будущем ({date})</translation>
        </message>
        <message>
            <source>issued before the holder's birth</source>
            <translation>выдан до рождения владельца</translation>
        </message>
        <message>
            <source>issued ({date}) outside the {series} series' validity</source>
            <translation>выдан ({date}) вне срока действия серии {series}</translation>
        </message>
        <message>
            <source>expires ({date}) before the {series} series was first issued ({first})</source>
            <translation>срок действия истекает ({date}) до начала выдачи серии {series} ({first})</translation>
        </message>
        <message>
            <source>the document expired on {date} (validity, not authenticity)</source>
            <translation>срок действия документа истёк {date} (действительность, а не подлинность)</translation>
        </message>
        <message>
            <source>dates plausible; valid until {date}</source>
            <translation>даты правдоподобны; действителен до {date}</translation>
        </message>
        <message>
            <source>{zone}: the specimen has it on the {face}, which was not captured — turn the document over and capture it</source>
            <translation>{zone}: у образца это на стороне «{face}», которая не снята — переверните документ и снимите её</translation>
        </message>
        <message>
            <source>{zone}: a {format} is there, but it carries {kind}</source>
            <translation>{zone}: там есть {format}, но в нём: {kind}</translation>
        </message>
        <message>
            <source>no recognised data</source>
            <translation>нет распознанных данных</translation>
        </message>
        <message numerus="yes">
            <source>{zone}: {format} decoded (%n bytes) on the {face}</source>
            <translation>
                <numerusform>{zone}: {format} декодирован (%n байт), сторона: {face}</numerusform>
                <numerusform>{zone}: {format} декодирован (%n байта), сторона: {face}</numerusform>
                <numerusform>{zone}: {format} декодирован (%n байт), сторона: {face}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{zone}: the {face}'s page could not be placed to look for it (%n symbol(s) decoded elsewhere)</source>
            <translation>
                <numerusform>{zone}: страницу не удалось расположить для поиска (сторона: {face}; в другом месте декодирован %n символ)</numerusform>
                <numerusform>{zone}: страницу не удалось расположить для поиска (сторона: {face}; в другом месте декодировано %n символа)</numerusform>
                <numerusform>{zone}: страницу не удалось расположить для поиска (сторона: {face}; в другом месте декодировано %n символов)</numerusform>
            </translation>
        </message>
        <message>
            <source>{zone}: print is there but no symbol decodes (damaged, defocused, or not a valid encoding)</source>
            <translation>{zone}: печать есть, но символ не декодируется (повреждён, не в фокусе или неверная кодировка)</translation>
        </message>
        <message>
            <source>{zone}: nothing is printed where the specimen has a barcode</source>
            <translation>{zone}: там, где у образца штрихкод, ничего не напечатано</translation>
        </message>
        <message>
            <source>{format} on the {face}: starts like AAMVA card data but cannot be read ({error})</source>
            <translation>{format} ({face}): начинается как данные карты AAMVA, но не читается ({error})</translation>
        </message>
        <message>
            <source>{source} ({format}, {face})</source>
            <translation>{source} ({format}, {face})</translation>
        </message>
        <message>
            <source>{where}: neither an MRZ nor printed fields were read to compare it with</source>
            <translation>{where}: для сравнения не прочитаны ни МСЗ, ни напечатанные поля</translation>
        </message>
        <message>
            <source>{where} disagrees with the page: {what}</source>
            <translation>{where} расходится со страницей: {what}</translation>
        </message>
        <message>
            <source>{field} against the {against}</source>
            <translation>{field} — в сравнении с: {against}</translation>
        </message>
        <message>
            <source>{field} against the {against}: {why}</source>
            <translation>{field} — в сравнении с: {against}: {why}</translation>
        </message>
        <message numerus="yes">
            <source>{where}: %n field(s) agree with the {against}</source>
            <translation>
                <numerusform>{where}: %n поле совпадает ({against})</numerusform>
                <numerusform>{where}: %n поля совпадают ({against})</numerusform>
                <numerusform>{where}: %n полей совпадают ({against})</numerusform>
            </translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first} и {second}</translation>
        </message>
        <message>
            <source>digital seal ({face}): {message}</source>
            <translation>цифровая печать ({face}): {message}</translation>
        </message>
    </context>
    <context>
        <name>checks panel</name>
        <message>
            <source>Failed</source>
            <translation>Не пройдены</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Предупреждения</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Пройдены</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Пропущены</translation>
        </message>
        <message>
            <source>Select a check to see its evidence</source>
            <translation>Выберите проверку, чтобы увидеть доказательства</translation>
        </message>
        <message>
            <source>No examination yet</source>
            <translation>Исследование ещё не проводилось</translation>
        </message>
        <message>
            <source>Chip</source>
            <translation>Чип</translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) — {failed} failed, {warnings} warnings, {passed} passed</source>
            <translation>
                <numerusform>%n проверка — не пройдено: {failed}, предупреждений: {warnings}, пройдено: {passed}</numerusform>
                <numerusform>%n проверки — не пройдено: {failed}, предупреждений: {warnings}, пройдено: {passed}</numerusform>
                <numerusform>%n проверок — не пройдено: {failed}, предупреждений: {warnings}, пройдено: {passed}</numerusform>
            </translation>
        </message>
        <message>
            <source>score {score}</source>
            <translation>показатель {score}</translation>
        </message>
        <message>
            <source>(threshold {threshold})</source>
            <translation>(порог {threshold})</translation>
        </message>
    </context>
    <context>
        <name>chip details</name>
        <message>
            <source>the chip signed the challenge with the DG15 key</source>
            <translation>чип подписал запрос ключом DG15</translation>
        </message>
        <message>
            <source>the chip's signature does not verify with the DG15 key (a clone?)</source>
            <translation>подпись чипа не проверяется ключом DG15 (клон?)</translation>
        </message>
        <message>
            <source>the chip derived the session keys from the DG14 key</source>
            <translation>чип вывел сеансовые ключи из ключа DG14</translation>
        </message>
        <message>
            <source>no secure messaging</source>
            <translation>нет защищённого обмена</translation>
        </message>
        <message>
            <source>degenerate shared secret</source>
            <translation>вырожденный общий секрет</translation>
        </message>
        <message>
            <source>not offered by the chip</source>
            <translation>чип не поддерживает</translation>
        </message>
    </context>
    <context>
        <name>chip panel</name>
        <message>
            <source>Passive Authentication (the data as signed)</source>
            <translation>Пассивная аутентификация (данные в подписанном виде)</translation>
        </message>
        <message>
            <source>Chip Authentication (the chip is not a copy)</source>
            <translation>Аутентификация чипа (чип не является копией)</translation>
        </message>
        <message>
            <source>Active Authentication (the chip is not a copy)</source>
            <translation>Активная аутентификация (чип не является копией)</translation>
        </message>
        <message>
            <source>The chip's MRZ (DG1) against the printed MRZ</source>
            <translation>МСЗ чипа (DG1) в сравнении с напечатанной МСЗ</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2) against the printed portrait</source>
            <translation>Фотография из чипа (DG2) в сравнении с напечатанным портретом</translation>
        </message>
        <message>
            <source>Access control</source>
            <translation>Контроль доступа</translation>
        </message>
        <message>
            <source>files read elsewhere: no record of how the chip was opened</source>
            <translation>файлы прочитаны в другом месте: нет записи о том, как был открыт чип</translation>
        </message>
        <message>
            <source>opened with {protocol}</source>
            <translation>открыт по {protocol}</translation>
        </message>
        <message>
            <source>Simulated chip reader</source>
            <translation>Имитатор чипа</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Пройдена</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Не пройдена</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Предупреждение</translation>
        </message>
        <message>
            <source>Not run</source>
            <translation>Не выполнялась</translation>
        </message>
        <message>
            <source>The document's chip</source>
            <translation>Чип документа</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>Считыватель карт</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Look for card readers again</source>
            <translation>Снова найти считыватели карт</translation>
        </message>
        <message>
            <source>Access number</source>
            <translation>Номер доступа</translation>
        </message>
        <message>
            <source>CAN, only when no MRZ was read</source>
            <translation>CAN, только если МСЗ не прочитана</translation>
        </message>
        <message>
            <source>Read chip   (F9)</source>
            <translation>Прочитать чип   (F9)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Not read yet. The chip is opened with the MRZ read on the page.</source>
            <translation>Ещё не прочитан. Чип открывается по МСЗ, прочитанной на странице.</translation>
        </message>
        <message>
            <source>What was read</source>
            <translation>Что прочитано</translation>
        </message>
        <message>
            <source>Authentication and comparison</source>
            <translation>Аутентификация и сравнение</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2)</source>
            <translation>Фотография из чипа (DG2)</translation>
        </message>
        <message>
            <source>Compare with the printed portrait</source>
            <translation>Сравнить с напечатанным портретом</translation>
        </message>
        <message>
            <source>Side by side: the printed portrait and the chip's photograph at one scale</source>
            <translation>Рядом: напечатанный портрет и фотография из чипа в одном масштабе</translation>
        </message>
        <message>
            <source>Nothing read yet.</source>
            <translation>Ещё ничего не прочитано.</translation>
        </message>
        <message>
            <source>No photograph on the chip (or it does not decode).</source>
            <translation>На чипе нет фотографии (или она не декодируется).</translation>
        </message>
        <message>
            <source>The chip's own verification; the examination adds the face comparison.</source>
            <translation>Собственная проверка чипа; исследование добавит сравнение лиц.</translation>
        </message>
        <message>
            <source>Reading the chip was cancelled.</source>
            <translation>Чтение чипа отменено.</translation>
        </message>
        <message>
            <source>Open the chip with the page's MRZ (or the access number) and read it (F9)</source>
            <translation>Открыть чип по МСЗ страницы (или номеру доступа) и прочитать (F9)</translation>
        </message>
        <message>
            <source>Read with {protocol}</source>
            <translation>Прочитан по {protocol}</translation>
        </message>
        <message>
            <source>Chip files from the capture</source>
            <translation>Файлы чипа из снимка</translation>
        </message>
    </context>
    <context>
        <name>codes</name>
        <message>
            <source>several specimens fit equally well (look-alikes): the examiner chooses one</source>
            <translation>несколько образцов подходят одинаково (похожие): эксперт выбирает один</translation>
        </message>
        <message>
            <source>the chip's data is as its document signer signed it, and the signer chains to a trusted CSCA</source>
            <translation>данные чипа таковы, как их подписал подписант документов, и подписант восходит к доверенному CSCA</translation>
        </message>
        <message>
            <source>a data group differs from what the document signer signed</source>
            <translation>группа данных отличается от подписанной подписантом документов</translation>
        </message>
        <message>
            <source>the security object's signature does not verify</source>
            <translation>подпись объекта безопасности не проходит проверку</translation>
        </message>
        <message>
            <source>a CSCA of the country is trusted but did not sign the document signer</source>
            <translation>CSCA страны доверенный, но сертификат подписанта документов выдал не он</translation>
        </message>
        <message>
            <source>the signer's country is not the issuing state of the MRZ</source>
            <translation>страна подписанта не совпадает с государством выдачи в МСЗ</translation>
        </message>
        <message>
            <source>the document signer's certificate is revoked</source>
            <translation>сертификат подписанта документов отозван</translation>
        </message>
        <message>
            <source>the chip holds no readable security object</source>
            <translation>в чипе нет читаемого объекта безопасности</translation>
        </message>
        <message>
            <source>no CSCA of the country is in the trust store</source>
            <translation>в хранилище доверенных сертификатов нет CSCA этой страны</translation>
        </message>
        <message>
            <source>a data group read is not covered by the security object</source>
            <translation>прочитанная группа данных не охвачена объектом безопасности</translation>
        </message>
        <message>
            <source>a certificate of the chain is not valid today</source>
            <translation>сертификат цепочки сегодня недействителен</translation>
        </message>
        <message>
            <source>Chip Authentication passed: the chip is not a copy</source>
            <translation>аутентификация чипа пройдена: чип не является копией</translation>
        </message>
        <message>
            <source>the chip offers Chip Authentication and failed it</source>
            <translation>чип поддерживает аутентификацию чипа и не прошёл её</translation>
        </message>
        <message>
            <source>the chip does not offer Chip Authentication</source>
            <translation>чип не поддерживает аутентификацию чипа</translation>
        </message>
        <message>
            <source>Chip Authentication was not run (files read earlier, no chip)</source>
            <translation>аутентификация чипа не выполнялась (файлы прочитаны ранее, чипа нет)</translation>
        </message>
        <message>
            <source>Active Authentication passed: the chip is not a copy</source>
            <translation>активная аутентификация пройдена: чип не является копией</translation>
        </message>
        <message>
            <source>the chip offers Active Authentication and failed it</source>
            <translation>чип поддерживает активную аутентификацию и не прошёл её</translation>
        </message>
        <message>
            <source>the chip does not offer Active Authentication</source>
            <translation>чип не поддерживает активную аутентификацию</translation>
        </message>
        <message>
            <source>Active Authentication was not run (files read earlier, no chip)</source>
            <translation>активная аутентификация не выполнялась (файлы прочитаны ранее, чипа нет)</translation>
        </message>
        <message>
            <source>the chip's DG1 equals the printed MRZ</source>
            <translation>DG1 чипа совпадает с напечатанной МСЗ</translation>
        </message>
        <message>
            <source>the chip's DG1 differs from the printed MRZ</source>
            <translation>DG1 чипа отличается от напечатанной МСЗ</translation>
        </message>
        <message>
            <source>the chip's DG1 is unreadable</source>
            <translation>DG1 чипа не читается</translation>
        </message>
        <message>
            <source>no DG1 was read</source>
            <translation>DG1 не прочитана</translation>
        </message>
        <message>
            <source>no printed MRZ was read to compare the chip's DG1 with</source>
            <translation>не прочитана напечатанная МСЗ для сравнения с DG1 чипа</translation>
        </message>
        <message>
            <source>the printed portrait is the chip's photograph</source>
            <translation>напечатанный портрет соответствует фотографии из чипа</translation>
        </message>
        <message>
            <source>the printed portrait does not look like the chip's photograph: for the examiner to judge</source>
            <translation>напечатанный портрет не похож на фотографию из чипа: решает эксперт</translation>
        </message>
        <message>
            <source>no face to compare (chip or page)</source>
            <translation>нет лица для сравнения (в чипе или на странице)</translation>
        </message>
        <message>
            <source>no chip files with the capture</source>
            <translation>к снимку не приложены файлы чипа</translation>
        </message>
        <message>
            <source>substrate / zone stays dull under UV</source>
            <translation>основа / зона не люминесцирует в УФ</translation>
        </message>
        <message>
            <source>substrate glows under UV (optical brighteners): not security paper</source>
            <translation>основа люминесцирует в УФ (оптические отбеливатели): не защитная бумага</translation>
        </message>
        <message>
            <source>luminescent feature present, pattern and colour as the specimen's</source>
            <translation>люминесцентный элемент присутствует, рисунок и цвет как у образца</translation>
        </message>
        <message>
            <source>luminescent feature missing, weak, or of the wrong pattern or colour</source>
            <translation>люминесцентный элемент отсутствует, слабый или не того рисунка или цвета</translation>
        </message>
        <message>
            <source>luminescence where the specimen has none</source>
            <translation>люминесценция там, где у образца её нет</translation>
        </message>
        <message>
            <source>no luminescence outside the specimen's features</source>
            <translation>нет люминесценции вне элементов образца</translation>
        </message>
        <message>
            <source>the luminescent pattern runs on across the portrait's edge</source>
            <translation>люминесцентный рисунок непрерывно переходит через край фотографии</translation>
        </message>
        <message>
            <source>the luminescent pattern stops at the portrait's edge (portrait replaced or laminate reapplied)</source>
            <translation>люминесцентный рисунок обрывается на краю фотографии (фотография заменена или ламинат переклеен)</translation>
        </message>
        <message>
            <source>IR-absorbing print shows with contrast</source>
            <translation>ИК-поглощающая печать видна контрастно</translation>
        </message>
        <message>
            <source>print expected to absorb IR fades under IR</source>
            <translation>печать, которая должна поглощать ИК, бледнеет в ИК</translation>
        </message>
        <message>
            <source>print expected to drop out under IR does</source>
            <translation>печать, которая должна исчезать в ИК, исчезает</translation>
        </message>
        <message>
            <source>structure under IR where the specimen has none</source>
            <translation>в ИК видна структура там, где у образца её нет</translation>
        </message>
        <message>
            <source>the zone matches the specimen in white light</source>
            <translation>зона совпадает с образцом в белом свете</translation>
        </message>
        <message>
            <source>the zone's pattern differs from the specimen's</source>
            <translation>рисунок зоны отличается от рисунка образца</translation>
        </message>
        <message>
            <source>portrait area consistent with an original print</source>
            <translation>область фотографии соответствует оригинальной печати</translation>
        </message>
        <message>
            <source>portrait area shows signs of substitution</source>
            <translation>в области фотографии есть признаки замены</translation>
        </message>
        <message>
            <source>every MRZ check digit verifies</source>
            <translation>все контрольные цифры МСЗ верны</translation>
        </message>
        <message>
            <source>the MRZ reaches the edge of the image: not all of it is shown</source>
            <translation>МСЗ доходит до края изображения: она видна не полностью</translation>
        </message>
        <message>
            <source>an MRZ check digit does not verify</source>
            <translation>контрольная цифра МСЗ неверна</translation>
        </message>
        <message>
            <source>printed fields agree with the MRZ</source>
            <translation>напечатанные поля совпадают с МСЗ</translation>
        </message>
        <message>
            <source>a printed field disagrees with the MRZ</source>
            <translation>напечатанное поле расходится с МСЗ</translation>
        </message>
        <message>
            <source>the issuing state is a known state</source>
            <translation>государство выдачи известно</translation>
        </message>
        <message>
            <source>the issuing state is neither ICAO-listed nor in the specimen library</source>
            <translation>государства выдачи нет ни в списке ИКАО, ни в библиотеке образцов</translation>
        </message>
        <message>
            <source>birth and expiry plausible; not expired</source>
            <translation>даты рождения и окончания срока правдоподобны; срок не истёк</translation>
        </message>
        <message>
            <source>birth in the future, birth after expiry, or an implausible validity period</source>
            <translation>рождение в будущем, рождение после окончания срока или неправдоподобный срок действия</translation>
        </message>
        <message>
            <source>the date of expiry has passed (validity, not authenticity)</source>
            <translation>срок действия истёк (действительность, а не подлинность)</translation>
        </message>
        <message>
            <source>the document was identified and registered onto its specimen</source>
            <translation>документ опознан и совмещён со своим образцом</translation>
        </message>
        <message>
            <source>the page matches a specimen whose state, code, format or validity the MRZ contradicts</source>
            <translation>страница совпадает с образцом, государству, коду, формату или сроку действия которого противоречит МСЗ</translation>
        </message>
        <message>
            <source>every light the checks need was captured</source>
            <translation>снимки сделаны во всех видах освещения, нужных проверкам</translation>
        </message>
        <message>
            <source>the page's size at the capture's dpi is the specimen's</source>
            <translation>размер страницы при разрешении снимка совпадает с образцом</translation>
        </message>
        <message>
            <source>the image shows every zone the specimen checks</source>
            <translation>на изображении видны все зоны, проверяемые по образцу</translation>
        </message>
        <message>
            <source>zones the specimen checks lie outside the image: not examined</source>
            <translation>зоны, проверяемые по образцу, лежат вне изображения: не проверены</translation>
        </message>
        <message>
            <source>the capture states no dpi (size taken from the specimen)</source>
            <translation>в снимке не указано разрешение (размер взят у образца)</translation>
        </message>
        <message>
            <source>the specimen marks no zone this check applies to</source>
            <translation>у образца не отмечена зона для этой проверки</translation>
        </message>
        <message>
            <source>the specimen marks no printed field the MRZ also holds</source>
            <translation>у образца не отмечены напечатанные поля, которые есть и в МСЗ</translation>
        </message>
        <message>
            <source>no print found in a zone expected to show print</source>
            <translation>в зоне, где должна быть печать, печать не найдена</translation>
        </message>
        <message>
            <source>no bare substrate found on the page</source>
            <translation>на странице не найдена основа без печати</translation>
        </message>
        <message>
            <source>no specimen fits the document (generic checks run)</source>
            <translation>ни один образец не подходит к документу (выполнены общие проверки)</translation>
        </message>
        <message>
            <source>the capture would not align with the specimen</source>
            <translation>снимок не удалось совместить с образцом</translation>
        </message>
        <message>
            <source>the page's size at the capture's dpi is not the specimen's size</source>
            <translation>размер страницы при разрешении снимка не совпадает с размером образца</translation>
        </message>
        <message>
            <source>the capture has no image under a light a check needs</source>
            <translation>в снимке нет изображения в освещении, нужном проверке</translation>
        </message>
        <message>
            <source>no page found on the platen (blank image, empty platen)</source>
            <translation>на предметном стекле не найдена страница (пустое изображение, пустое стекло)</translation>
        </message>
        <message>
            <source>no MRZ read: the MRZ checks cannot run</source>
            <translation>МСЗ не прочитана: проверки МСЗ невозможны</translation>
        </message>
        <message>
            <source>no MRZ read although the matched specimen has one</source>
            <translation>МСЗ не прочитана, хотя у сопоставленного образца она есть</translation>
        </message>
        <message>
            <source>a printed field could not be read with confidence</source>
            <translation>напечатанное поле не удалось уверенно прочитать</translation>
        </message>
        <message>
            <source>a check could not run (internal error, logged)</source>
            <translation>проверка не выполнена (внутренняя ошибка, записана в журнал)</translation>
        </message>
        <message>
            <source>the zone lies outside the captured page</source>
            <translation>зона лежит за пределами снятой страницы</translation>
        </message>
        <message>
            <source>the zone's content is the holder's: not compared with the specimen's</source>
            <translation>содержимое зоны принадлежит владельцу: с образцом не сравнивается</translation>
        </message>
        <message>
            <source>the check needs what the specimen has not learned (specimens learn) and has no prior</source>
            <translation>проверке нужно то, что образец не изучил (specimens learn), а априорного значения нет</translation>
        </message>
        <message>
            <source>a barcode decodes where the specimen has one</source>
            <translation>штрихкод декодируется там, где он есть у образца</translation>
        </message>
        <message>
            <source>nothing printed where the specimen has a barcode</source>
            <translation>там, где у образца штрихкод, ничего не напечатано</translation>
        </message>
        <message>
            <source>print where the specimen has a barcode, but no symbol decodes</source>
            <translation>там, где у образца штрихкод, есть печать, но символ не декодируется</translation>
        </message>
        <message>
            <source>the symbol there carries other data than the specimen's</source>
            <translation>символ там содержит иные данные, чем у образца</translation>
        </message>
        <message>
            <source>the face's page could not be placed to look for the barcode</source>
            <translation>страницу этой стороны не удалось расположить для поиска штрихкода</translation>
        </message>
        <message>
            <source>the specimen has a barcode on the back, which was not captured</source>
            <translation>у образца штрихкод на обороте, а оборот не снят</translation>
        </message>
        <message>
            <source>the barcode's holder data agree with the MRZ and the printed fields</source>
            <translation>данные владельца в штрихкоде совпадают с МСЗ и напечатанными полями</translation>
        </message>
        <message>
            <source>a field of the barcode disagrees with the MRZ or a printed field</source>
            <translation>поле штрихкода расходится с МСЗ или напечатанным полем</translation>
        </message>
        <message>
            <source>a barcode that starts like AAMVA data cannot be read</source>
            <translation>штрихкод, начинающийся как данные AAMVA, не читается</translation>
        </message>
        <message>
            <source>no MRZ and no printed field to compare a barcode with</source>
            <translation>нет ни МСЗ, ни напечатанных полей для сравнения со штрихкодом</translation>
        </message>
        <message>
            <source>the digital seal's signature verifies and its signer chains to a trust anchor</source>
            <translation>подпись цифровой печати верна, и подписант восходит к доверенному корневому сертификату</translation>
        </message>
        <message>
            <source>the seal's signature does not verify (data or signature changed)</source>
            <translation>подпись печати не проходит проверку (данные или подпись изменены)</translation>
        </message>
        <message>
            <source>the signer certificate names a trusted CA that did not sign it</source>
            <translation>сертификат подписанта называет доверенный УЦ, который его не подписывал</translation>
        </message>
        <message>
            <source>the seal's signer certificate is revoked</source>
            <translation>сертификат подписанта печати отозван</translation>
        </message>
        <message>
            <source>the seal was signed outside its signer certificate's validity</source>
            <translation>печать подписана вне срока действия сертификата подписанта</translation>
        </message>
        <message>
            <source>a barcode that starts like a digital seal is not one</source>
            <translation>штрихкод, начинающийся как цифровая печать, ею не является</translation>
        </message>
        <message>
            <source>the signer the seal names is not in the trust store</source>
            <translation>подписанта, названного в печати, нет в хранилище доверенных сертификатов</translation>
        </message>
        <message>
            <source>the seal's signature verifies but its signer does not chain to a trust anchor</source>
            <translation>подпись печати верна, но подписант не восходит к доверенному корневому сертификату</translation>
        </message>
        <message>
            <source>the seal's key type or curve is not supported</source>
            <translation>тип ключа или кривая печати не поддерживаются</translation>
        </message>
        <message>
            <source>relief under grazing light, turning with the lamp</source>
            <translation>рельеф в скользящем свете, поворачивается вместе с лампой</translation>
        </message>
        <message>
            <source>no relief where the specimen has some (flat print)</source>
            <translation>нет рельефа там, где он есть у образца (плоская печать)</translation>
        </message>
        <message>
            <source>relief of another shape, or shading that does not turn with the lamp's direction</source>
            <translation>рельеф другой формы или тени, не поворачивающиеся с направлением лампы</translation>
        </message>
        <message>
            <source>the specimen shows no relief under a lamp direction near the capture's</source>
            <translation>у образца не виден рельеф при направлении лампы, близком к направлению снимка</translation>
        </message>
        <message>
            <source>the pattern shows through the sheet, not on it</source>
            <translation>рисунок виден сквозь лист, а не на нём</translation>
        </message>
        <message>
            <source>transmitted light does not show the specimen's watermark or see-through register</source>
            <translation>проходящий свет не показывает водяной знак или совмещение на просвет образца</translation>
        </message>
        <message>
            <source>the pattern shows in reflected light: printed on the surface</source>
            <translation>рисунок виден в отражённом свете: напечатан на поверхности</translation>
        </message>
        <message>
            <source>the holes transmit and spell the MRZ's field</source>
            <translation>отверстия пропускают свет и образуют поле МСЗ</translation>
        </message>
        <message>
            <source>the holes transmit (no MRZ to compare with)</source>
            <translation>отверстия пропускают свет (нет МСЗ для сравнения)</translation>
        </message>
        <message>
            <source>the dots let no light through: printed, not punched</source>
            <translation>точки не пропускают свет: напечатаны, а не пробиты</translation>
        </message>
        <message>
            <source>neither holes nor dots where the specimen has a perforation</source>
            <translation>ни отверстий, ни точек там, где у образца перфорация</translation>
        </message>
        <message>
            <source>the holes spell something else than the MRZ</source>
            <translation>отверстия образуют не то, что в МСЗ</translation>
        </message>
        <message>
            <source>the holes transmit but could not be read</source>
            <translation>отверстия пропускают свет, но не прочитаны</translation>
        </message>
        <message>
            <source>the laminate's pattern shows under coaxial light</source>
            <translation>рисунок ламината виден в коаксиальном свете</translation>
        </message>
        <message>
            <source>no retro-reflective pattern like the specimen's</source>
            <translation>нет световозвращающего рисунка, как у образца</translation>
        </message>
        <message>
            <source>a short-wave UV feature glows as the specimen's</source>
            <translation>элемент коротковолнового УФ светится, как у образца</translation>
        </message>
        <message>
            <source>a short-wave UV feature does not glow under 254 nm, or in another pattern or colour</source>
            <translation>элемент коротковолнового УФ не светится при 254 нм или светится другим рисунком или цветом</translation>
        </message>
        <message>
            <source>fibre density and colours as the specimen's, embedded in the paper</source>
            <translation>плотность и цвета волокон как у образца, внедрены в бумагу</translation>
        </message>
        <message>
            <source>too few or too many fibres</source>
            <translation>слишком мало или слишком много волокон</translation>
        </message>
        <message>
            <source>the fibres' colour mix is not the specimen's</source>
            <translation>набор цветов волокон не как у образца</translation>
        </message>
        <message>
            <source>the fibres are not dimmed by print over them: printed on the surface</source>
            <translation>печать над волокнами их не приглушает: напечатаны на поверхности</translation>
        </message>
        <message>
            <source>the ghost image repeats the portrait</source>
            <translation>теневое изображение повторяет фотографию</translation>
        </message>
        <message>
            <source>the ghost image shows another face than the portrait</source>
            <translation>теневое изображение показывает другое лицо, чем фотография</translation>
        </message>
        <message>
            <source>the microprint is resolved as text</source>
            <translation>микропечать различима как текст</translation>
        </message>
        <message>
            <source>a plain or blurred line where microprint belongs</source>
            <translation>простая или размытая линия на месте микропечати</translation>
        </message>
        <message>
            <source>the capture is too coarse for the check (the density needed is named)</source>
            <translation>снимок слишком груб для проверки (нужная плотность указана)</translation>
        </message>
        <message>
            <source>the zone's feature could not be measured (the reason is named)</source>
            <translation>элемент зоны не удалось измерить (причина указана)</translation>
        </message>
        <message>
            <source>the check needs a colour image and the capture's is grey</source>
            <translation>проверке нужно цветное изображение, а в снимке серое</translation>
        </message>
        <message>
            <source>the specimen shows no fibres in the zone</source>
            <translation>у образца в зоне не видно волокон</translation>
        </message>
        <message>
            <source>the specimen shows no microprint line in the zone</source>
            <translation>у образца в зоне не видно строки микропечати</translation>
        </message>
        <message>
            <source>the specimen's own ghost image does not repeat its portrait</source>
            <translation>собственное теневое изображение образца не повторяет его фотографию</translation>
        </message>
        <message>
            <source>the specimen has no zone the ghost image repeats</source>
            <translation>у образца нет зоны, которую повторяет теневое изображение</translation>
        </message>
    </context>
    <context>
        <name>course editor</name>
        <message>
            <source>Course editor</source>
            <translation>Редактор курса</translation>
        </message>
        <message>
            <source>New course</source>
            <translation>Новый курс</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>без ограничения</translation>
        </message>
        <message>
            <source>Show the automated checks while examining</source>
            <translation>Показывать автоматические проверки во время исследования</translation>
        </message>
        <message>
            <source>after every document</source>
            <translation>после каждого документа</translation>
        </message>
        <message>
            <source>at the end</source>
            <translation>в конце</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Forgery kinds</source>
            <translation>Виды подделок</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Documents in the course</source>
            <translation>Документов в курсе</translation>
        </message>
        <message>
            <source>Genuine share</source>
            <translation>Доля подлинных</translation>
        </message>
        <message>
            <source>Difficulty</source>
            <translation>Сложность</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Ограничение времени</translation>
        </message>
        <message>
            <source>Debrief</source>
            <translation>Разбор</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно (seed)</translation>
        </message>
        <message>
            <source>{path}: cannot write ({error})</source>
            <translation>{path}: запись невозможна ({error})</translation>
        </message>
        <message>
            <source>Save the course</source>
            <translation>Сохранить курс</translation>
        </message>
    </context>
    <context>
        <name>desk</name>
        <message>
            <source>The session's user — click to switch</source>
            <translation>Пользователь сеанса — нажмите, чтобы сменить</translation>
        </message>
        <message>
            <source>no user chosen</source>
            <translation>пользователь не выбран</translation>
        </message>
        <message>
            <source>User: {user}</source>
            <translation>Пользователь: {user}</translation>
        </message>
        <message>
            <source>Working as {user}</source>
            <translation>Работает: {user}</translation>
        </message>
    </context>
    <context>
        <name>devices</name>
        <message>
            <source>use</source>
            <translation>исп.</translation>
        </message>
        <message>
            <source>channel</source>
            <translation>канал</translation>
        </message>
        <message>
            <source>exposure ms</source>
            <translation>экспозиция, мс</translation>
        </message>
        <message>
            <source>settle ms</source>
            <translation>стабилизация, мс</translation>
        </message>
        <message>
            <source>UV off after s</source>
            <translation>откл. УФ через, с</translation>
        </message>
        <message>
            <source>camera index (0, 1, ...) or device path such as /dev/video2</source>
            <translation>номер камеры (0, 1, ...) или путь к устройству, например /dev/video2</translation>
        </message>
        <message>
            <source>camera default</source>
            <translation>по умолчанию камеры</translation>
        </message>
        <message>
            <source>serial of the USB relay board (empty: the first one found)</source>
            <translation>серийный номер USB-платы реле (пусто: первая найденная)</translation>
        </message>
        <message>
            <source>from calibration</source>
            <translation>из калибровки</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камера</translation>
        </message>
        <message>
            <source>Width (px)</source>
            <translation>Ширина (px)</translation>
        </message>
        <message>
            <source>Height (px)</source>
            <translation>Высота (px)</translation>
        </message>
        <message>
            <source>Relay board</source>
            <translation>Плата реле</translation>
        </message>
        <message>
            <source>dpi</source>
            <translation>dpi</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Папка экспорта</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>File unchanged for</source>
            <translation>Файл не меняется в течение</translation>
        </message>
        <message>
            <source>After capture</source>
            <translation>После снимка</translation>
        </message>
        <message>
            <source>from the images</source>
            <translation>из изображений</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Считыватель</translation>
        </message>
        <message>
            <source>Use this reader</source>
            <translation>Использовать этот считыватель</translation>
        </message>
        <message>
            <source>Configured</source>
            <translation>Настроенные</translation>
        </message>
        <message>
            <source>Configure</source>
            <translation>Настройка</translation>
        </message>
        <message>
            <source>the reader's name, e.g. box</source>
            <translation>имя считывателя, например box</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>The simulated reader needs no settings.</source>
            <translation>Имитатору считывателя настройки не нужны.</translation>
        </message>
        <message>
            <source>Find relay boards</source>
            <translation>Найти платы реле</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Save and use</source>
            <translation>Сохранить и использовать</translation>
        </message>
        <message>
            <source>Test lamps</source>
            <translation>Проверка ламп</translation>
        </message>
        <message>
            <source>All off</source>
            <translation>Выключить все</translation>
        </message>
        <message>
            <source>Calibration</source>
            <translation>Калибровка</translation>
        </message>
        <message>
            <source>Run this step</source>
            <translation>Выполнить этот шаг</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>Начать заново</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Поток</translation>
        </message>
        <message>
            <source>Show live frames</source>
            <translation>Показывать кадры в реальном времени</translation>
        </message>
        <message>
            <source>In use: {reader}</source>
            <translation>Используется: {reader}</translation>
        </message>
        <message>
            <source>Test {light}</source>
            <translation>Проверить: {light}</translation>
        </message>
        <message>
            <source>Calibration done</source>
            <translation>Калибровка выполнена</translation>
        </message>
        <message>
            <source>Step {step} of {total}: {title}</source>
            <translation>Шаг {step} из {total}: {title}</translation>
        </message>
        <message>
            <source>relay boards attached: {boards}</source>
            <translation>подключённые платы реле: {boards}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Не сохранено: {error}</translation>
        </message>
        <message>
            <source>Saved reader {name}</source>
            <translation>Считыватель {name} сохранён</translation>
        </message>
        <message>
            <source>working…</source>
            <translation>выполняется…</translation>
        </message>
    </context>
    <context>
        <name>document panels</name>
        <message>
            <source>Capture the back</source>
            <translation>Снять оборотную сторону</translation>
        </message>
        <message>
            <source>Turn the document over on the reader, then press Capture.</source>
            <translation>Переверните документ на считывателе и нажмите «Снять».</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Снять</translation>
        </message>
        <message>
            <source>That barcode cannot be placed on the image</source>
            <translation>Этот штрихкод нельзя показать на изображении</translation>
        </message>
        <message>
            <source>Read the chip and examine the document first: the chip's photograph is placed over the printed portrait</source>
            <translation>Сначала прочитайте чип и исследуйте документ: фотография из чипа накладывается на напечатанный портрет</translation>
        </message>
        <message>
            <source>Alert published</source>
            <translation>Оповещение опубликовано</translation>
        </message>
    </context>
    <context>
        <name>drill</name>
        <message>
            <source>Id</source>
            <translation>№</translation>
        </message>
        <message>
            <source>Date (UTC)</source>
            <translation>Дата (UTC)</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Дело</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Государство</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Оценка</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Заключение</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Click a bar or double-click a row to list the examinations behind it.</source>
            <translation>Щёлкните столбец или дважды щёлкните строку, чтобы увидеть исследования за ними.</translation>
        </message>
        <message>
            <source>Open examination</source>
            <translation>Открыть исследование</translation>
        </message>
        <message>
            <source>Your role sees the figures only; supervisors and forensic examiners can open the examinations behind them.</source>
            <translation>Вашей роли видны только цифры; руководители и эксперты-криминалисты могут открыть исследования за ними.</translation>
        </message>
        <message>
            <source>Examinations behind {what}…</source>
            <translation>Исследования за «{what}»…</translation>
        </message>
        <message>
            <source>the period</source>
            <translation>период</translation>
        </message>
        <message>
            <source> (the newest {limit})</source>
            <translation> (последние {limit})</translation>
        </message>
        <message numerus="yes">
            <source>%n examination(s) behind {what}{more}; double-click one to open it.</source>
            <translation>
                <numerusform>За «{what}» %n исследование{more}; дважды щёлкните, чтобы открыть.</numerusform>
                <numerusform>За «{what}» %n исследования{more}; дважды щёлкните, чтобы открыть.</numerusform>
                <numerusform>За «{what}» %n исследований{more}; дважды щёлкните, чтобы открыть.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>evidence</name>
        <message>
            <source>{zone} — {who}, {light}</source>
            <translation>{zone} — {who}, {light}</translation>
        </message>
        <message>
            <source>questioned</source>
            <translation>исследуемый</translation>
        </message>
        <message>
            <source>specimen</source>
            <translation>образец</translation>
        </message>
    </context>
    <context>
        <name>examination</name>
        <message>
            <source>finding the document</source>
            <translation>поиск документа</translation>
        </message>
        <message>
            <source>reading the MRZ</source>
            <translation>чтение МСЗ</translation>
        </message>
        <message>
            <source>identifying the document</source>
            <translation>определение документа</translation>
        </message>
        <message>
            <source>running the checks</source>
            <translation>выполнение проверок</translation>
        </message>
        <message>
            <source>checked: {check}</source>
            <translation>проверено: {check}</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>Chip Authentication</source>
            <translation>аутентификация чипа</translation>
        </message>
        <message>
            <source>Active Authentication</source>
            <translation>активная аутентификация</translation>
        </message>
        <message>
            <source>document code</source>
            <translation>код документа</translation>
        </message>
        <message>
            <source>issuing state</source>
            <translation>государство выдачи</translation>
        </message>
        <message>
            <source>document number</source>
            <translation>номер документа</translation>
        </message>
        <message>
            <source>surname</source>
            <translation>фамилия</translation>
        </message>
        <message>
            <source>given names</source>
            <translation>имя</translation>
        </message>
        <message>
            <source>nationality</source>
            <translation>гражданство</translation>
        </message>
        <message>
            <source>date of birth</source>
            <translation>дата рождения</translation>
        </message>
        <message>
            <source>birth date</source>
            <translation>дата рождения</translation>
        </message>
        <message>
            <source>sex</source>
            <translation>пол</translation>
        </message>
        <message>
            <source>date of expiry</source>
            <translation>дата окончания срока действия</translation>
        </message>
        <message>
            <source>expiry date</source>
            <translation>дата окончания срока действия</translation>
        </message>
        <message>
            <source>issue date</source>
            <translation>дата выдачи</translation>
        </message>
        <message>
            <source>optional data</source>
            <translation>дополнительные данные</translation>
        </message>
        <message>
            <source>composite</source>
            <translation>заключительная контрольная цифра</translation>
        </message>
        <message>
            <source>mrz</source>
            <translation>МСЗ</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МСЗ</translation>
        </message>
        <message>
            <source>printed</source>
            <translation>напечатанные поля</translation>
        </message>
        <message>
            <source>barcode</source>
            <translation>штрихкод</translation>
        </message>
        <message>
            <source>front</source>
            <translation>лицевая сторона</translation>
        </message>
        <message>
            <source>back</source>
            <translation>оборотная сторона</translation>
        </message>
        <message>
            <source>aamva</source>
            <translation>AAMVA</translation>
        </message>
        <message>
            <source>seal</source>
            <translation>цифровая печать</translation>
        </message>
        <message>
            <source>AAMVA data</source>
            <translation>данные AAMVA</translation>
        </message>
        <message>
            <source>digital seal</source>
            <translation>цифровая печать</translation>
        </message>
    </context>
    <context>
        <name>findings</name>
        <message>
            <source>photo substitution</source>
            <translation>замена фотографии</translation>
        </message>
        <message>
            <source>data alteration</source>
            <translation>изменение данных</translation>
        </message>
        <message>
            <source>MRZ alteration</source>
            <translation>изменение МСЗ</translation>
        </message>
        <message>
            <source>page substitution</source>
            <translation>замена страницы</translation>
        </message>
        <message>
            <source>other</source>
            <translation>другое</translation>
        </message>
        <message>
            <source>— not decided —</source>
            <translation>— не решено —</translation>
        </message>
        <message>
            <source>No marks yet</source>
            <translation>Отметок пока нет</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Заключение</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Notes: what you saw, where, under which light</source>
            <translation>Заметки: что вы увидели, где, в каком свете</translation>
        </message>
        <message>
            <source>Images for the report</source>
            <translation>Изображения для отчёта</translation>
        </message>
        <message numerus="yes">
            <source>%n mark(s): {marks}</source>
            <translation>
                <numerusform>%n отметка: {marks}</numerusform>
                <numerusform>%n отметки: {marks}</numerusform>
                <numerusform>%n отметок: {marks}</numerusform>
            </translation>
        </message>
        <message>
            <source>No anomaly found</source>
            <translation>Признаков подделки не выявлено</translation>
        </message>
        <message>
            <source>Counterfeit</source>
            <translation>Полная подделка</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Частичная подделка</translation>
        </message>
        <message>
            <source>Inconclusive</source>
            <translation>Не установлено</translation>
        </message>
    </context>
    <context>
        <name>identity</name>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Действует до</translation>
        </message>
        <message>
            <source>MRZ repaired</source>
            <translation>МСЗ исправлена</translation>
        </message>
        <message>
            <source>NOT EXAMINED</source>
            <translation>НЕ ИССЛЕДОВАН</translation>
        </message>
        <message>
            <source>NO ANOMALY</source>
            <translation>БЕЗ ПРИЗНАКОВ</translation>
        </message>
        <message>
            <source>ANOMALIES</source>
            <translation>ЕСТЬ ПРИЗНАКИ</translation>
        </message>
        <message>
            <source>INCONCLUSIVE</source>
            <translation>НЕ УСТАНОВЛЕНО</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Образец</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МСЗ</translation>
        </message>
    </context>
    <context>
        <name>image area</name>
        <message>
            <source>No image yet — place a document and press Capture (Space)</source>
            <translation>Изображения нет — положите документ и нажмите «Снять» (Space)</translation>
        </message>
        <message>
            <source>{mode} view</source>
            <translation>Вид «{mode}»</translation>
        </message>
        <message>
            <source>Questioned</source>
            <translation>Исследуемый</translation>
        </message>
        <message>
            <source>against</source>
            <translation>против</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>Непрозрачность</translation>
        </message>
        <message>
            <source>Divider</source>
            <translation>Разделитель</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Частота</translation>
        </message>
        <message>
            <source>Gain</source>
            <translation>Усиление</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Draw the specimen's zones (Z)</source>
            <translation>Показать зоны образца (Z)</translation>
        </message>
        <message>
            <source>Loupe</source>
            <translation>Лупа</translation>
        </message>
        <message>
            <source>Magnifier under the cursor (L)</source>
            <translation>Увеличение под курсором (L)</translation>
        </message>
        <message>
            <source>Barcodes</source>
            <translation>Штрихкоды</translation>
        </message>
        <message>
            <source>Outline the barcodes read on the face shown</source>
            <translation>Обвести прочитанные штрихкоды на показанной стороне</translation>
        </message>
        <message>
            <source>Measure and mark</source>
            <translation>Измерения и отметки</translation>
        </message>
        <message>
            <source>{tool} tool ({key})</source>
            <translation>Инструмент «{tool}» ({key})</translation>
        </message>
        <message>
            <source>Click points on the image. Right-click or Esc cancels, Ctrl+Z removes the last mark.</source>
            <translation>Щёлкайте точки на изображении. Правая кнопка или Esc — отмена, Ctrl+Z удаляет последнюю отметку.</translation>
        </message>
        <message>
            <source>Text written beside the next mark (and kept with it)</source>
            <translation>Текст рядом со следующей отметкой (сохраняется вместе с ней)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Заметка</translation>
        </message>
        <message>
            <source>No capture</source>
            <translation>Нет снимка</translation>
        </message>
        <message>
            <source>Show the document's front (Ctrl+B switches)</source>
            <translation>Показать лицевую сторону документа (Ctrl+B переключает)</translation>
        </message>
        <message>
            <source>Show the document's back (Ctrl+B switches)</source>
            <translation>Показать оборотную сторону документа (Ctrl+B переключает)</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>White</source>
            <translation>Белый</translation>
        </message>
        <message>
            <source>white light</source>
            <translation>белый свет</translation>
        </message>
        <message>
            <source>UV 365</source>
            <translation>УФ 365</translation>
        </message>
        <message>
            <source>UV 365 nm</source>
            <translation>УФ 365 нм</translation>
        </message>
        <message>
            <source>IR 900</source>
            <translation>ИК 900</translation>
        </message>
        <message>
            <source>IR (B900)</source>
            <translation>ИК (B900)</translation>
        </message>
        <message>
            <source>UV 254</source>
            <translation>УФ 254</translation>
        </message>
        <message>
            <source>UV 254 nm</source>
            <translation>УФ 254 нм</translation>
        </message>
        <message>
            <source>Oblique</source>
            <translation>Косой</translation>
        </message>
        <message>
            <source>oblique white light</source>
            <translation>косопадающий белый свет</translation>
        </message>
        <message>
            <source>Oblique top</source>
            <translation>Косой сверху</translation>
        </message>
        <message>
            <source>oblique white light from the top</source>
            <translation>косопадающий белый свет сверху</translation>
        </message>
        <message>
            <source>Coaxial</source>
            <translation>Коаксиальный</translation>
        </message>
        <message>
            <source>coaxial white light</source>
            <translation>коаксиальный белый свет</translation>
        </message>
        <message>
            <source>Transmitted</source>
            <translation>Проходящий</translation>
        </message>
        <message>
            <source>transmitted white light</source>
            <translation>проходящий белый свет</translation>
        </message>
        <message>
            <source>IR transmitted</source>
            <translation>Проходящий ИК</translation>
        </message>
        <message>
            <source>transmitted IR</source>
            <translation>проходящий ИК</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Снимок</translation>
        </message>
        <message>
            <source>Back of the document</source>
            <translation>Оборотная сторона документа</translation>
        </message>
        <message>
            <source>Questioned, registered onto the specimen</source>
            <translation>Исследуемый, совмещённый с образцом</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Образец</translation>
        </message>
        <message>
            <source>Front</source>
            <translation>Лицевая сторона</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Оборотная сторона</translation>
        </message>
        <message>
            <source>The current view</source>
            <translation>Текущий вид</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Доказательство</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2)</source>
            <translation>Фотография из чипа (DG2)</translation>
        </message>
    </context>
    <context>
        <name>levels</name>
        <message>
            <source>Display levels</source>
            <translation>Уровни отображения</translation>
        </message>
        <message>
            <source>Invert</source>
            <translation>Инверсия</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Все каналы</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>Красный</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>Зелёный</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>Синий</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Сбросить</translation>
        </message>
        <message>
            <source>Brightness</source>
            <translation>Яркость</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>Контраст</translation>
        </message>
        <message>
            <source>Gamma</source>
            <translation>Гамма</translation>
        </message>
    </context>
    <context>
        <name>library</name>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Государство</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Exemplars</source>
            <translation>Экземпляры</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Подпись</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Specimen library</source>
            <translation>Библиотека образцов</translation>
        </message>
        <message>
            <source>search: state, type, series… (e.g. MNG P 2021)</source>
            <translation>поиск: государство, тип, серия… (например, MNG P 2021)</translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n specimen(s)</source>
            <translation>
                <numerusform>{shown} из %n образца</numerusform>
                <numerusform>{shown} из %n образцов</numerusform>
                <numerusform>{shown} из %n образцов</numerusform>
            </translation>
        </message>
        <message>
            <source>{state} · code {code} · MRZ {mrz} · series {series} · {width} × {height} mm</source>
            <translation>{state} · код {code} · МСЗ {mrz} · серия {series} · {width} × {height} мм</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message numerus="yes">
            <source>lights: {lights}; statistics from %n genuine exemplar(s)</source>
            <translation>
                <numerusform>освещение: {lights}; статистика по %n подлинному экземпляру</numerusform>
                <numerusform>освещение: {lights}; статистика по %n подлинным экземплярам</numerusform>
                <numerusform>освещение: {lights}; статистика по %n подлинным экземплярам</numerusform>
            </translation>
        </message>
        <message>
            <source>package signature: {signature}</source>
            <translation>подпись пакета: {signature}</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>не проверена</translation>
        </message>
        <message>
            <source>authored by {who} at {when}; blurred: {zones}</source>
            <translation>автор {who}, {when}; размыто: {zones}</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>ничего</translation>
        </message>
        <message>
            <source>zones:</source>
            <translation>зоны:</translation>
        </message>
    </context>
    <context>
        <name>lights</name>
        <message>
            <source>white</source>
            <translation>белый свет</translation>
        </message>
        <message>
            <source>uv</source>
            <translation>УФ 365 нм</translation>
        </message>
        <message>
            <source>ir</source>
            <translation>ИК</translation>
        </message>
        <message>
            <source>uv254</source>
            <translation>УФ 254 нм</translation>
        </message>
        <message>
            <source>oblique</source>
            <translation>косопадающий свет</translation>
        </message>
        <message>
            <source>oblique_top</source>
            <translation>косопадающий свет сверху</translation>
        </message>
        <message>
            <source>coaxial</source>
            <translation>коаксиальный свет</translation>
        </message>
        <message>
            <source>transmitted</source>
            <translation>проходящий свет</translation>
        </message>
        <message>
            <source>ir_transmitted</source>
            <translation>проходящий ИК</translation>
        </message>
    </context>
    <context>
        <name>login</name>
        <message>
            <source>Sign in</source>
            <translation>Вход</translation>
        </message>
        <message>
            <source>Your account on this workstation</source>
            <translation>Ваша учётная запись на этом рабочем месте</translation>
        </message>
        <message>
            <source>Your password: it unseals your signing key; it is never stored</source>
            <translation>Ваш пароль: он открывает ваш ключ подписи; он никогда не сохраняется</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Учётная запись</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <source>signs in as the operating-system account</source>
            <translation>вход под учётной записью операционной системы</translation>
        </message>
        <message>
            <source>Enter your account.</source>
            <translation>Введите учётную запись.</translation>
        </message>
        <message>
            <source>Signing in {name}...</source>
            <translation>Вход: {name}...</translation>
        </message>
        <message>
            <source>Sign in to sign: your signing key opens only with your password (or your operating-system account).</source>
            <translation>Войдите, чтобы подписать: ваш ключ подписи открывается только вашим паролем (или учётной записью операционной системы).</translation>
        </message>
        <message>
            <source>Signed in as {name}</source>
            <translation>Выполнен вход: {name}</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <source>ruler</source>
            <translation>линейка</translation>
        </message>
        <message>
            <source>angle</source>
            <translation>угол</translation>
        </message>
        <message>
            <source>rectangle</source>
            <translation>прямоугольник</translation>
        </message>
        <message>
            <source>arrow</source>
            <translation>стрелка</translation>
        </message>
    </context>
    <context>
        <name>measures</name>
        <message>
            <source>correlation</source>
            <translation>корреляция</translation>
        </message>
        <message>
            <source>edge continuity</source>
            <translation>непрерывность края</translation>
        </message>
        <message>
            <source>fibre colour distance</source>
            <translation>отличие цвета волокон</translation>
        </message>
        <message>
            <source>fibre density</source>
            <translation>плотность волокон</translation>
        </message>
        <message>
            <source>fibre overprint</source>
            <translation>волокна, напечатанные поверх</translation>
        </message>
        <message>
            <source>fine detail</source>
            <translation>мелкие детали</translation>
        </message>
        <message>
            <source>ghost correlation</source>
            <translation>корреляция теневого изображения</translation>
        </message>
        <message>
            <source>ghost identity</source>
            <translation>идентичность теневого изображения</translation>
        </message>
        <message>
            <source>ghost residual</source>
            <translation>остаток теневого изображения</translation>
        </message>
        <message>
            <source>glow contrast</source>
            <translation>контраст свечения</translation>
        </message>
        <message>
            <source>hole contrast</source>
            <translation>контраст отверстий</translation>
        </message>
        <message>
            <source>hue difference</source>
            <translation>разница цветового тона</translation>
        </message>
        <message>
            <source>ink axis</source>
            <translation>ось цвета краски</translation>
        </message>
        <message>
            <source>ir print ratio</source>
            <translation>доля печати в ИК</translation>
        </message>
        <message>
            <source>ir structure</source>
            <translation>структура в ИК</translation>
        </message>
        <message>
            <source>ir structure excess</source>
            <translation>избыток структуры в ИК</translation>
        </message>
        <message>
            <source>microprint detail</source>
            <translation>детальность микропечати</translation>
        </message>
        <message>
            <source>microprint letters</source>
            <translation>буквы микропечати</translation>
        </message>
        <message>
            <source>pattern dx</source>
            <translation>сдвиг рисунка по горизонтали</translation>
        </message>
        <message>
            <source>pattern dy</source>
            <translation>сдвиг рисунка по вертикали</translation>
        </message>
        <message>
            <source>pattern shift</source>
            <translation>сдвиг рисунка</translation>
        </message>
        <message>
            <source>reflected excess</source>
            <translation>избыток в отражённом свете</translation>
        </message>
        <message>
            <source>registration quality</source>
            <translation>качество совмещения</translation>
        </message>
        <message>
            <source>relief correlation</source>
            <translation>корреляция рельефа</translation>
        </message>
        <message>
            <source>relief strength</source>
            <translation>выраженность рельефа</translation>
        </message>
        <message>
            <source>retro correlation</source>
            <translation>корреляция световозвращения</translation>
        </message>
        <message>
            <source>retro strength</source>
            <translation>выраженность световозвращения</translation>
        </message>
        <message>
            <source>similarity</source>
            <translation>сходство</translation>
        </message>
        <message>
            <source>strength</source>
            <translation>интенсивность</translation>
        </message>
        <message>
            <source>through correlation</source>
            <translation>корреляция в проходящем свете</translation>
        </message>
        <message>
            <source>through strength</source>
            <translation>интенсивность в проходящем свете</translation>
        </message>
        <message>
            <source>uv254 correlation</source>
            <translation>корреляция в УФ 254</translation>
        </message>
        <message>
            <source>uv254 glow</source>
            <translation>свечение в УФ 254</translation>
        </message>
        <message>
            <source>uv254 hue difference</source>
            <translation>разница тона в УФ 254</translation>
        </message>
        <message>
            <source>uv border step</source>
            <translation>скачок УФ на границе</translation>
        </message>
        <message>
            <source>uv green share</source>
            <translation>доля зелёного в УФ</translation>
        </message>
        <message>
            <source>uv level</source>
            <translation>уровень УФ</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>{view} ({key})</source>
            <translation>{view} ({key})</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Capture all lights</source>
            <translation>Снять во всех видах освещения</translation>
        </message>
        <message>
            <source>Capture the back</source>
            <translation>Снять оборотную сторону</translation>
        </message>
        <message>
            <source>Read chip</source>
            <translation>Прочитать чип</translation>
        </message>
        <message>
            <source>Examine again</source>
            <translation>Исследовать заново</translation>
        </message>
        <message>
            <source>Save to case</source>
            <translation>Сохранить в деле</translation>
        </message>
        <message>
            <source>Sign report…</source>
            <translation>Подписать отчёт…</translation>
        </message>
        <message>
            <source>Conclude and submit for review…</source>
            <translation>Завершить и направить на проверку…</translation>
        </message>
        <message>
            <source>Sign with PKCS#12 file…</source>
            <translation>Подписать файлом PKCS#12…</translation>
        </message>
        <message>
            <source>Sign in…</source>
            <translation>Войти…</translation>
        </message>
        <message>
            <source>Switch user…</source>
            <translation>Сменить пользователя…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Выход</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Увеличить</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Уменьшить</translation>
        </message>
        <message>
            <source>Fit page</source>
            <translation>По размеру страницы</translation>
        </message>
        <message>
            <source>Actual pixels</source>
            <translation>Реальные пиксели</translation>
        </message>
        <message>
            <source>Specimen zones</source>
            <translation>Зоны образца</translation>
        </message>
        <message>
            <source>Loupe</source>
            <translation>Лупа</translation>
        </message>
        <message>
            <source>Front / back of the document</source>
            <translation>Лицевая / оборотная сторона документа</translation>
        </message>
        <message>
            <source>Dark / light theme</source>
            <translation>Тёмная / светлая тема</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Инструменты</translation>
        </message>
        <message>
            <source>Remove last mark</source>
            <translation>Удалить последнюю отметку</translation>
        </message>
        <message>
            <source>Publish alert…</source>
            <translation>Опубликовать оповещение…</translation>
        </message>
        <message>
            <source>{view} view</source>
            <translation>Вид «{view}»</translation>
        </message>
        <message>
            <source>Trainer…</source>
            <translation>Тренажёр…</translation>
        </message>
        <message>
            <source>Trainees' progress…</source>
            <translation>Успехи обучаемых…</translation>
        </message>
        <message>
            <source>Specimen editor…</source>
            <translation>Редактор образцов…</translation>
        </message>
        <message>
            <source>Specimen library…</source>
            <translation>Библиотека образцов…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>About</source>
            <translation>О программе</translation>
        </message>
    </context>
    <context>
        <name>modes</name>
        <message>
            <source>All lights</source>
            <translation>Все виды освещения</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Рядом</translation>
        </message>
        <message>
            <source>Blend</source>
            <translation>Наложение</translation>
        </message>
        <message>
            <source>Swipe</source>
            <translation>Шторка</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Разница</translation>
        </message>
        <message>
            <source>False colour</source>
            <translation>Псевдоцвет</translation>
        </message>
        <message>
            <source>Flicker</source>
            <translation>Мерцание</translation>
        </message>
    </context>
    <context>
        <name>panes</name>
        <message>
            <source>Chip photo (DG2)</source>
            <translation>Фото из чипа (DG2)</translation>
        </message>
        <message>
            <source>Questioned</source>
            <translation>Исследуемый</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Оборот</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Образец</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Поток</translation>
        </message>
        <message>
            <source>False colour · {who}  (R = IR, G = white, B = UV)</source>
            <translation>Псевдоцвет · {who}  (R = ИК, G = белый, B = УФ)</translation>
        </message>
        <message>
            <source>Blend  {a}  ◐  {b}  ({percent} %)</source>
            <translation>Наложение  {a}  ◐  {b}  ({percent} %)</translation>
        </message>
        <message>
            <source>Swipe  {a}  |  {b}</source>
            <translation>Шторка  {a}  |  {b}</translation>
        </message>
        <message>
            <source>Difference  {a}  −  {b}</source>
            <translation>Разница  {a}  −  {b}</translation>
        </message>
        <message>
            <source>Flicker  {a}  ⇄  {b}  ({hz} Hz)</source>
            <translation>Мерцание  {a}  ⇄  {b}  ({hz} Гц)</translation>
        </message>
    </context>
    <context>
        <name>progress</name>
        <message>
            <source>Trainees' progress</source>
            <translation>Успехи обучаемых</translation>
        </message>
        <message>
            <source>recognised (%)</source>
            <translation>распознано (%)</translation>
        </message>
        <message>
            <source>completed course (oldest first)</source>
            <translation>пройденный курс (сначала старые)</translation>
        </message>
        <message>
            <source>Trainee</source>
            <translation>Обучаемый</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Завершён</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Курс</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Баллы</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Сертификат</translation>
        </message>
        <message>
            <source>Issue the signed certificate…</source>
            <translation>Выдать подписанный сертификат…</translation>
        </message>
        <message>
            <source>issued</source>
            <translation>выдан</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>ещё нет</translation>
        </message>
        <message>
            <source>No completed course yet.</source>
            <translation>Пройденных курсов пока нет.</translation>
        </message>
        <message numerus="yes">
            <source>%n course(s) completed, {passed} passed; last: {course} ({percent} %).</source>
            <translation>
                <numerusform>Пройден %n курс, сдано {passed}; последний: {course} ({percent} %).</numerusform>
                <numerusform>Пройдено %n курса, сдано {passed}; последний: {course} ({percent} %).</numerusform>
                <numerusform>Пройдено %n курсов, сдано {passed}; последний: {course} ({percent} %).</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the certificate</source>
            <translation>Сохранить сертификат</translation>
        </message>
    </context>
    <context>
        <name>reader</name>
        <message>
            <source>No reader</source>
            <translation>Нет считывателя</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>Экспозиция</translation>
        </message>
        <message>
            <source>Live view</source>
            <translation>Живое изображение</translation>
        </message>
        <message>
            <source>Capture all lights   (Space)</source>
            <translation>Снять во всех видах освещения   (Space)</translation>
        </message>
        <message>
            <source>Capture the back   (Shift+Space)</source>
            <translation>Снять оборот   (Shift+Space)</translation>
        </message>
        <message>
            <source>Turn the document over and capture its back (barcodes, seals, the back's security features)</source>
            <translation>Перевернуть документ и снять оборот (штрихкоды, печати, защитные элементы оборота)</translation>
        </message>
        <message>
            <source>On the platen (simulator)</source>
            <translation>На предметном стекле (имитатор)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Документ</translation>
        </message>
        <message>
            <source>Forgery</source>
            <translation>Подделка</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Зерно</translation>
        </message>
        <message>
            <source>Place document</source>
            <translation>Положить документ</translation>
        </message>
        <message>
            <source>{light}   {key}</source>
            <translation>{light}   {key}</translation>
        </message>
        <message>
            <source>Switch on {light} ({key})</source>
            <translation>Включить {light} ({key})</translation>
        </message>
        <message>
            <source>Lamps off</source>
            <translation>Лампы выключены</translation>
        </message>
        <message>
            <source>genuine</source>
            <translation>подлинный</translation>
        </message>
        <message>
            <source>Opening the reader…</source>
            <translation>Открытие считывателя…</translation>
        </message>
        <message>
            <source>No reader connected</source>
            <translation>Считыватель не подключён</translation>
        </message>
        <message>
            <source>Reader: {name}</source>
            <translation>Считыватель: {name}</translation>
        </message>
        <message>
            <source>Could not switch on {light}: {error}</source>
            <translation>Не удалось включить {light}: {error}</translation>
        </message>
        <message>
            <source>{light} on</source>
            <translation>{light}: включено</translation>
        </message>
        <message>
            <source>{light}: exposure {ms} ms</source>
            <translation>{light}: экспозиция {ms} мс</translation>
        </message>
        <message>
            <source>Could not place {document}: {error}</source>
            <translation>Не удалось положить {document}: {error}</translation>
        </message>
        <message>
            <source>On the platen: {document} ({forgery}, seed {seed})</source>
            <translation>На предметном стекле: {document} ({forgery}, зерно {seed})</translation>
        </message>
        <message>
            <source>Device settings not available: {error}</source>
            <translation>Настройки устройств недоступны: {error}</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Устройства</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>Barcodes</source>
            <translation>Штрихкоды</translation>
        </message>
        <message>
            <source>Chip (eMRTD)</source>
            <translation>Чип (eMRTD)</translation>
        </message>
        <message>
            <source>The document's chip was not read.</source>
            <translation>Чип документа не прочитан.</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>в порядке</translation>
        </message>
        <message>
            <source>unsigned</source>
            <translation>не подписана</translation>
        </message>
        <message>
            <source>ALTERED</source>
            <translation>ИЗМЕНЕНА</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Прочитано</translation>
        </message>
        <message>
            <source>files exported by a reader</source>
            <translation>файлы, экспортированные считывателем</translation>
        </message>
        <message>
            <source>Passive Authentication</source>
            <translation>Пассивная аутентификация</translation>
        </message>
        <message>
            <source>Document signer</source>
            <translation>Подписант документов</translation>
        </message>
        <message>
            <source>Country signing CA</source>
            <translation>Удостоверяющий центр страны (CSCA)</translation>
        </message>
        <message>
            <source>none trusted</source>
            <translation>доверенного нет</translation>
        </message>
        <message>
            <source>Data groups</source>
            <translation>Группы данных</translation>
        </message>
        <message>
            <source>Chip Authentication</source>
            <translation>Аутентификация чипа</translation>
        </message>
        <message>
            <source>Active Authentication</source>
            <translation>Активная аутентификация</translation>
        </message>
        <message>
            <source>Chip data vs MRZ</source>
            <translation>Данные чипа и МСЗ</translation>
        </message>
        <message>
            <source>Chip photo vs portrait</source>
            <translation>Фото из чипа и портрет</translation>
        </message>
        <message>
            <source>The chip's photograph beside the printed portrait (they differ: for the examiner to judge)</source>
            <translation>Фотография из чипа рядом с напечатанным портретом (они различаются: решает эксперт)</translation>
        </message>
        <message>
            <source>The chip's photograph beside the printed portrait</source>
            <translation>Фотография из чипа рядом с напечатанным портретом</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>не записано</translation>
        </message>
        <message>
            <source>{time} (local)</source>
            <translation>{time} (местное время)</translation>
        </message>
        <message>
            <source>not configured</source>
            <translation>не настроено</translation>
        </message>
        <message>
            <source>Agency not configured</source>
            <translation>Ведомство не настроено</translation>
        </message>
        <message>
            <source>Document examination report</source>
            <translation>Отчёт об исследовании документа</translation>
        </message>
        <message>
            <source>Report {id}</source>
            <translation>Отчёт {id}</translation>
        </message>
        <message>
            <source>Case {ref}</source>
            <translation>Дело {ref}</translation>
        </message>
        <message>
            <source>No case</source>
            <translation>Без дела</translation>
        </message>
        <message>
            <source>{case} · {time} UTC · examination data SHA-256 {sha}… · workstation {version}</source>
            <translation>{case} · {time} UTC · SHA-256 данных исследования {sha}… · workstation {version}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Страница {page} из {pages}</translation>
        </message>
        <message>
            <source>Case reference</source>
            <translation>Номер дела</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Ведомство</translation>
        </message>
        <message>
            <source>Examiner</source>
            <translation>Эксперт</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Рабочее место</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Считыватель</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Снято</translation>
        </message>
        <message>
            <source>Examined</source>
            <translation>Исследовано</translation>
        </message>
        <message>
            <source>Report made</source>
            <translation>Отчёт составлен</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Разрешение</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <source>Document examination report {id}</source>
            <translation>Отчёт об исследовании документа {id}</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Исследование</translation>
        </message>
        <message>
            <source>Document code</source>
            <translation>Код документа</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Государство выдачи</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Номер документа</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Date of expiry</source>
            <translation>Дата окончания срока действия</translation>
        </message>
        <message>
            <source>Optional data</source>
            <translation>Дополнительные данные</translation>
        </message>
        <message>
            <source>No anomaly found</source>
            <translation>Признаков подделки не выявлено</translation>
        </message>
        <message>
            <source>Counterfeit</source>
            <translation>Полная подделка</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Частичная подделка</translation>
        </message>
        <message>
            <source>Inconclusive</source>
            <translation>Не установлено</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>ПРОЙДЕНА</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>НЕ ПРОЙДЕНА</translation>
        </message>
        <message>
            <source>WARN</source>
            <translation>ВНИМАНИЕ</translation>
        </message>
        <message>
            <source>SKIPPED</source>
            <translation>ПРОПУЩЕНА</translation>
        </message>
        <message>
            <source>INCONCLUSIVE</source>
            <translation>НЕ УСТАНОВЛЕНО</translation>
        </message>
        <message>
            <source>Examiner's conclusion: {conclusion}</source>
            <translation>Заключение эксперта: {conclusion}</translation>
        </message>
        <message>
            <source>Examiner's conclusion: NONE RECORDED (automated examination only)</source>
            <translation>Заключение эксперта: НЕ ЗАПИСАНО (только автоматическое исследование)</translation>
        </message>
        <message>
            <source>Automated verdict: {verdict} · {failed} failed, {warned} warning, {passed} passed, {skipped} skipped</source>
            <translation>Автоматическая оценка: {verdict} · не пройдено {failed}, предупреждений {warned}, пройдено {passed}, пропущено {skipped}</translation>
        </message>
        <message>
            <source>Document identity</source>
            <translation>Данные документа</translation>
        </message>
        <message>
            <source>No machine-readable zone was read.</source>
            <translation>Машиносчитываемая зона не прочитана.</translation>
        </message>
        <message>
            <source>MRZ ({format}), as read (OCR-B):</source>
            <translation>МСЗ ({format}), как прочитано (OCR-B):</translation>
        </message>
        <message>
            <source>unknown format</source>
            <translation>неизвестный формат</translation>
        </message>
        <message>
            <source>Check digits</source>
            <translation>Контрольные цифры</translation>
        </message>
        <message>
            <source>all valid</source>
            <translation>все верны</translation>
        </message>
        <message>
            <source>INVALID: {fields}</source>
            <translation>НЕВЕРНЫ: {fields}</translation>
        </message>
        <message>
            <source>not all valid</source>
            <translation>не все верны</translation>
        </message>
        <message>
            <source>{id} — {title} (series {series})</source>
            <translation>{id} — {title} (серия {series})</translation>
        </message>
        <message>
            <source>none matched</source>
            <translation>образец не сопоставлен</translation>
        </message>
        <message>
            <source>Specimen compared</source>
            <translation>Образец для сравнения</translation>
        </message>
        <message>
            <source>Captures: questioned document beside specimen</source>
            <translation>Снимки: исследуемый документ рядом с образцом</translation>
        </message>
        <message>
            <source>Specimen {id}, {light}</source>
            <translation>Образец {id}, {light}</translation>
        </message>
        <message>
            <source>No specimen image under this light.</source>
            <translation>Нет изображения образца в этом освещении.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Questioned&lt;/b&gt; (registered onto the specimen), {light}</source>
            <translation>&lt;b&gt;Исследуемый&lt;/b&gt; (совмещён с образцом), {light}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Questioned&lt;/b&gt;, {light}</source>
            <translation>&lt;b&gt;Исследуемый&lt;/b&gt;, {light}</translation>
        </message>
        <message>
            <source>Images reproduced at {dpi} dpi print resolution (JPEG); the SHA-256 values in the integrity section are those of the original images.</source>
            <translation>Изображения воспроизведены с разрешением печати {dpi} dpi (JPEG); значения SHA-256 в разделе целостности относятся к исходным изображениям.</translation>
        </message>
        <message>
            <source>Examiner's chosen views</source>
            <translation>Виды, выбранные экспертом</translation>
        </message>
        <message>
            <source>Automated checks</source>
            <translation>Автоматические проверки</translation>
        </message>
        <message>
            <source>No automated check ran.</source>
            <translation>Автоматические проверки не выполнялись.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Check · zone · light</source>
            <translation>Проверка · зона · освещение</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Сообщение</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Показатель</translation>
        </message>
        <message>
            <source>thr {threshold}</source>
            <translation>порог {threshold}</translation>
        </message>
        <message>
            <source>Evidence of failed and warning checks</source>
            <translation>Доказательства непройденных проверок и предупреждений</translation>
        </message>
        <message>
            <source>Examiner's findings</source>
            <translation>Наблюдения эксперта</translation>
        </message>
        <message>
            <source>The examiner recorded no findings; this report shows the automated examination only.</source>
            <translation>Эксперт не записал наблюдений; отчёт показывает только автоматическое исследование.</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Заключение</translation>
        </message>
        <message>
            <source>not decided</source>
            <translation>не принято</translation>
        </message>
        <message>
            <source>Kind of forgery</source>
            <translation>Вид подделки</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Записано</translation>
        </message>
        <message>
            <source>Observations</source>
            <translation>Наблюдения</translation>
        </message>
        <message>
            <source>Measurements and marks</source>
            <translation>Измерения и отметки</translation>
        </message>
        <message>
            <source>Integrity</source>
            <translation>Целостность</translation>
        </message>
        <message>
            <source>The examination data is attached to this PDF as &lt;b&gt;{name}&lt;/b&gt; (see the attachments panel of a PDF reader). SHA-256 marked &lt;i&gt;file&lt;/i&gt; is over the image file as captured (recompute with &lt;i&gt;sha256sum&lt;/i&gt;); &lt;i&gt;pixels&lt;/i&gt; is over the raw 8-bit pixels, row by row (height × width × channels).</source>
            <translation>Данные исследования приложены к этому PDF как &lt;b&gt;{name}&lt;/b&gt; (см. панель вложений программы просмотра PDF). SHA-256 с пометкой &lt;i&gt;файл&lt;/i&gt; вычислен по файлу изображения в том виде, как он снят (проверьте &lt;i&gt;sha256sum&lt;/i&gt;); &lt;i&gt;пиксели&lt;/i&gt; — по исходным 8-битным пикселям, строка за строкой (высота × ширина × каналы).</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Объект</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Of</source>
            <translation>По</translation>
        </message>
        <message>
            <source>file</source>
            <translation>файл</translation>
        </message>
        <message>
            <source>pixels</source>
            <translation>пиксели</translation>
        </message>
        <message>
            <source>Examination data ({name})</source>
            <translation>Данные исследования ({name})</translation>
        </message>
        <message>
            <source>Examiner's signature</source>
            <translation>Подпись эксперта</translation>
        </message>
        <message>
            <source>Supervisor's review (countersignature)</source>
            <translation>Проверка руководителя (заверяющая подпись)</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Подписи</translation>
        </message>
        <message>
            <source>This report is signed electronically (PAdES). Any PDF reader that checks signatures, poppler's &lt;i&gt;pdfsig&lt;/i&gt;, or &lt;i&gt;workstation report verify&lt;/i&gt; shows whether it is unchanged since signing and who signed it. A printed copy carries no signature.</source>
            <translation>Отчёт подписан электронной подписью (PAdES). Любая программа просмотра PDF, проверяющая подписи, &lt;i&gt;pdfsig&lt;/i&gt; из poppler или &lt;i&gt;workstation report verify&lt;/i&gt; покажет, не изменён ли он после подписания и кто его подписал. Печатная копия подписи не содержит.</translation>
        </message>
        <message>
            <source>printed: {text}</source>
            <translation>напечатано: {text}</translation>
        </message>
        <message>
            <source>What the result codes mean</source>
            <translation>Что означают коды результатов</translation>
        </message>
        <message>
            <source>Supervisor review</source>
            <translation>Проверка руководителя</translation>
        </message>
        <message>
            <source>{role} — digitally signed</source>
            <translation>{role} — подписано электронной подписью</translation>
        </message>
        <message>
            <source>Signer: {name}</source>
            <translation>Подписал: {name}</translation>
        </message>
        <message>
            <source>Issued by: {name}</source>
            <translation>Сертификат выдан: {name}</translation>
        </message>
        <message>
            <source>Signed: {time} UTC (RFC 3161 time stamp)</source>
            <translation>Подписано: {time} UTC (метка времени RFC 3161)</translation>
        </message>
        <message>
            <source>Signed: {time} UTC (workstation clock)</source>
            <translation>Подписано: {time} UTC (часы рабочего места)</translation>
        </message>
    </context>
    <context>
        <name>review</name>
        <message>
            <source>Open a report file…</source>
            <translation>Открыть файл отчёта…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Waiting for review</source>
            <translation>Ожидают проверки</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Подписи</translation>
        </message>
        <message>
            <source>Examination data</source>
            <translation>Данные исследования</translation>
        </message>
        <message>
            <source>Select an examination.</source>
            <translation>Выберите исследование.</translation>
        </message>
        <message>
            <source>Comment for the examiner (required to return)</source>
            <translation>Комментарий эксперту (обязателен для возврата)</translation>
        </message>
        <message>
            <source>Approve (countersign)…</source>
            <translation>Утвердить (заверить)…</translation>
        </message>
        <message>
            <source>Return to examiner</source>
            <translation>Вернуть эксперту</translation>
        </message>
        <message>
            <source>case {case} · examination {id} — {who}</source>
            <translation>дело {case} · исследование {id} — {who}</translation>
        </message>
        <message>
            <source>no MRZ</source>
            <translation>нет МСЗ</translation>
        </message>
        <message>
            <source>Checking the report…</source>
            <translation>Проверка отчёта…</translation>
        </message>
        <message>
            <source>Open a signed report</source>
            <translation>Открыть подписанный отчёт</translation>
        </message>
        <message>
            <source>PDF reports (*.pdf)</source>
            <translation>Отчёты PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Checking {file}…</source>
            <translation>Проверка {file}…</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>NO</source>
            <translation>НЕТ</translation>
        </message>
        <message>
            <source>intact: {intact}   trusted: {trusted}   revoked: {revoked}</source>
            <translation>не изменён: {intact}   доверенный: {trusted}   отозван: {revoked}</translation>
        </message>
        <message>
            <source>YES</source>
            <translation>ДА</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>signed at: {when}</source>
            <translation>подписан: {when}</translation>
        </message>
        <message>
            <source> (time-stamped)</source>
            <translation> (с меткой времени)</translation>
        </message>
        <message>
            <source>reason: {reason}</source>
            <translation>причина: {reason}</translation>
        </message>
        <message>
            <source>problem: {problem}</source>
            <translation>проблема: {problem}</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Статус: {status}</translation>
        </message>
        <message>
            <source>Decided by {who}: {note}</source>
            <translation>Решение {who}: {note}</translation>
        </message>
        <message>
            <source>This report carries no examination data.</source>
            <translation>Этот отчёт не содержит данных исследования.</translation>
        </message>
        <message>
            <source>Check the pages, then countersign</source>
            <translation>Проверьте страницы, затем заверьте</translation>
        </message>
        <message>
            <source>Approved and countersigned by {who}</source>
            <translation>Утверждено и заверено: {who}</translation>
        </message>
        <message>
            <source>Returned by {who}</source>
            <translation>Возвращено: {who}</translation>
        </message>
        <message>
            <source> — copy written to {path}</source>
            <translation> — копия записана в {path}</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>examiner</source>
            <translation>эксперт</translation>
        </message>
        <message>
            <source>forensic examiner</source>
            <translation>эксперт-криминалист</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>руководитель</translation>
        </message>
        <message>
            <source>trainee</source>
            <translation>обучаемый</translation>
        </message>
        <message>
            <source>, administrator</source>
            <translation>, администратор</translation>
        </message>
    </context>
    <context>
        <name>session</name>
        <message numerus="yes">
            <source>%n alert(s) about this document type: see the banner</source>
            <translation>
                <numerusform>%n оповещение об этом типе документа: см. баннер</numerusform>
                <numerusform>%n оповещения об этом типе документа: см. баннер</numerusform>
                <numerusform>%n оповещений об этом типе документа: см. баннер</numerusform>
            </translation>
        </message>
        <message>
            <source>Looking for alerts</source>
            <translation>Поиск оповещений</translation>
        </message>
        <message>
            <source>Recording the alert shown</source>
            <translation>Запись показанного оповещения</translation>
        </message>
        <message>
            <source>Fetching the alert's crops</source>
            <translation>Загрузка фрагментов оповещения</translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s) expired since the last start (recorded in the audit trail)</source>
            <translation>
                <numerusform>С последнего запуска истекло %n оповещение (записано в журнал аудита)</numerusform>
                <numerusform>С последнего запуска истекло %n оповещения (записано в журнал аудита)</numerusform>
                <numerusform>С последнего запуска истекло %n оповещений (записано в журнал аудита)</numerusform>
            </translation>
        </message>
        <message>
            <source>Recording expired alerts</source>
            <translation>Запись истёкших оповещений</translation>
        </message>
        <message>
            <source>Only a supervisor publishes alerts</source>
            <translation>Оповещения публикует только руководитель</translation>
        </message>
        <message>
            <source>Open a concluded examination of a forgery first</source>
            <translation>Сначала откройте завершённое исследование подделки</translation>
        </message>
        <message>
            <source>The examination is {status}: publish alerts from concluded examinations</source>
            <translation>Исследование в состоянии «{status}»: оповещения публикуются по завершённым исследованиям</translation>
        </message>
        <message>
            <source>Alerts are about forgeries: the examination did not conclude counterfeit or forged</source>
            <translation>Оповещения касаются подделок: заключение исследования — не полная и не частичная подделка</translation>
        </message>
        <message>
            <source>No MRZ was read: the alert could match no document type</source>
            <translation>МСЗ не прочитана: оповещение не совпало бы ни с одним типом документа</translation>
        </message>
        <message>
            <source>Cutting the evidence crops (personal data blurred)</source>
            <translation>Вырезание фрагментов-доказательств (персональные данные размыты)</translation>
        </message>
        <message>
            <source>Preparing the alert</source>
            <translation>Подготовка оповещения</translation>
        </message>
        <message>
            <source>Alert #{id} published for {document}: every workstation of this database shows it</source>
            <translation>Оповещение № {id} для {document} опубликовано: его покажут все рабочие места этой базы данных</translation>
        </message>
        <message>
            <source>Publishing the alert</source>
            <translation>Публикация оповещения</translation>
        </message>
        <message>
            <source>Listing card readers</source>
            <translation>Поиск считывателей карт</translation>
        </message>
        <message>
            <source>Card reader: {reader}</source>
            <translation>Считыватель карт: {reader}</translation>
        </message>
        <message>
            <source>The card reader did not close cleanly: {error}</source>
            <translation>Считыватель карт закрылся с ошибкой: {error}</translation>
        </message>
        <message>
            <source>The chip is being read</source>
            <translation>Чип считывается</translation>
        </message>
        <message>
            <source>Capture the document first: the chip is opened with its MRZ</source>
            <translation>Сначала снимите документ: чип открывается по его МСЗ</translation>
        </message>
        <message>
            <source>Wait for the examination: the chip is opened with the MRZ it reads</source>
            <translation>Дождитесь исследования: чип открывается по прочитанной им МСЗ</translation>
        </message>
        <message>
            <source>No MRZ was read on the page: enter the card access number (CAN) printed on the document</source>
            <translation>На странице не прочитана МСЗ: введите номер доступа к карте (CAN), напечатанный на документе</translation>
        </message>
        <message>
            <source>The chip cannot be opened: {error}</source>
            <translation>Чип не удаётся открыть: {error}</translation>
        </message>
        <message>
            <source>Connecting to the chip</source>
            <translation>Подключение к чипу</translation>
        </message>
        <message>
            <source>Reading the chip: {step}</source>
            <translation>Чтение чипа: {step}</translation>
        </message>
        <message>
            <source>Verifying the chip (Passive Authentication)</source>
            <translation>Проверка чипа (пассивная аутентификация)</translation>
        </message>
        <message>
            <source>Another document was captured meanwhile: this chip's files were not added to it</source>
            <translation>Тем временем снят другой документ: файлы этого чипа к нему не добавлены</translation>
        </message>
        <message numerus="yes">
            <source>Chip read with {protocol}: %n file(s); examining again</source>
            <translation>
                <numerusform>Чип прочитан по {protocol}: %n файл; исследование заново</numerusform>
                <numerusform>Чип прочитан по {protocol}: %n файла; исследование заново</numerusform>
                <numerusform>Чип прочитан по {protocol}: %n файлов; исследование заново</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading the chip was cancelled</source>
            <translation>Чтение чипа отменено</translation>
        </message>
        <message>
            <source>Reading the chip</source>
            <translation>Чтение чипа</translation>
        </message>
        <message>
            <source>The chip files could not be shown: {error}</source>
            <translation>Файлы чипа не удаётся показать: {error}</translation>
        </message>
        <message>
            <source>Findings not saved: {error}</source>
            <translation>Наблюдения не сохранены: {error}</translation>
        </message>
        <message>
            <source>A capture is running</source>
            <translation>Идёт съёмка</translation>
        </message>
        <message>
            <source>Capturing {light} ({number}/{total})</source>
            <translation>Съёмка: {light} ({number}/{total})</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Съёмка</translation>
        </message>
        <message>
            <source>Captured {lights} at {dpi} dpi</source>
            <translation>Снято: {lights}, {dpi} dpi</translation>
        </message>
        <message>
            <source>The capture could not be stored: {error} — Ctrl+S tries again</source>
            <translation>Снимок не удалось сохранить: {error} — Ctrl+S повторит попытку</translation>
        </message>
        <message>
            <source>Storing the capture</source>
            <translation>Сохранение снимка</translation>
        </message>
        <message>
            <source>Capture the document's front first</source>
            <translation>Сначала снимите лицевую сторону документа</translation>
        </message>
        <message>
            <source>The examination is submitted for review: its capture cannot change</source>
            <translation>Исследование направлено на проверку: снимок изменить нельзя</translation>
        </message>
        <message>
            <source>Added the back face and the chip files; examining again</source>
            <translation>Добавлены оборот и файлы чипа; исследование заново</translation>
        </message>
        <message>
            <source>Added the back face; examining again</source>
            <translation>Добавлен оборот; исследование заново</translation>
        </message>
        <message>
            <source>Added the chip files; examining again</source>
            <translation>Добавлены файлы чипа; исследование заново</translation>
        </message>
        <message>
            <source>The back face could not be stored: {error}</source>
            <translation>Оборот не удалось сохранить: {error}</translation>
        </message>
        <message>
            <source>The chip files could not be stored: {error}</source>
            <translation>Файлы чипа не удалось сохранить: {error}</translation>
        </message>
        <message>
            <source>Storing the addition to the capture</source>
            <translation>Сохранение дополнения к снимку</translation>
        </message>
        <message>
            <source>Examining: {step}</source>
            <translation>Исследование: {step}</translation>
        </message>
        <message>
            <source>Examining</source>
            <translation>Исследование</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Исследование</translation>
        </message>
        <message>
            <source> in {ms} ms</source>
            <translation> за {ms} мс</translation>
        </message>
        <message numerus="yes">
            <source>Examined{time}: {verdict}, %n failed check(s)</source>
            <translation>
                <numerusform>Исследовано{time}: {verdict}, не пройдена %n проверка</numerusform>
                <numerusform>Исследовано{time}: {verdict}, не пройдены %n проверки</numerusform>
                <numerusform>Исследовано{time}: {verdict}, не пройдено %n проверок</numerusform>
            </translation>
        </message>
        <message>
            <source>The examination could not be stored: {error}</source>
            <translation>Исследование не удалось сохранить: {error}</translation>
        </message>
        <message>
            <source>Storing the examination</source>
            <translation>Сохранение исследования</translation>
        </message>
        <message>
            <source>Examining the stored capture</source>
            <translation>Исследование сохранённого снимка</translation>
        </message>
        <message>
            <source>Opened case {case}, examination {id}</source>
            <translation>Открыто дело {case}, исследование {id}</translation>
        </message>
        <message>
            <source>Opening the examination</source>
            <translation>Открытие исследования</translation>
        </message>
        <message>
            <source>Reopening examination {id}, left unfinished when the window closed unexpectedly</source>
            <translation>Повторно открывается исследование {id}, не завершённое при неожиданном закрытии окна</translation>
        </message>
        <message>
            <source>The back was not captured: turn the document over and capture its back (Shift+Space)</source>
            <translation>Оборот не снят: переверните документ и снимите оборот (Shift+Space)</translation>
        </message>
        <message>
            <source>No reader</source>
            <translation>Нет считывателя</translation>
        </message>
        <message>
            <source>The back is being captured</source>
            <translation>Оборот снимается</translation>
        </message>
        <message>
            <source>Capture the front first</source>
            <translation>Сначала снимите лицевую сторону</translation>
        </message>
        <message>
            <source>Capturing the back: {light} ({number}/{total})</source>
            <translation>Съёмка оборота: {light} ({number}/{total})</translation>
        </message>
        <message>
            <source>Turning the document over</source>
            <translation>Переворот документа</translation>
        </message>
        <message>
            <source>Another document was captured meanwhile: this back was not added to it</source>
            <translation>Тем временем снят другой документ: этот оборот к нему не добавлен</translation>
        </message>
        <message>
            <source>Capturing the back</source>
            <translation>Съёмка оборота</translation>
        </message>
        <message>
            <source>The findings are submitted for review and cannot change</source>
            <translation>Наблюдения направлены на проверку и не могут быть изменены</translation>
        </message>
        <message>
            <source>Nothing to save: capture and examine a document first</source>
            <translation>Нечего сохранять: сначала снимите и исследуйте документ</translation>
        </message>
        <message>
            <source>The capture is being stored; the findings follow</source>
            <translation>Снимок сохраняется; наблюдения будут сохранены следом</translation>
        </message>
        <message>
            <source>Findings saved (version {version})</source>
            <translation>Наблюдения сохранены (версия {version})</translation>
        </message>
        <message>
            <source>Findings not saved: {error} — open the examination again to see the other changes</source>
            <translation>Наблюдения не сохранены: {error} — откройте исследование заново, чтобы увидеть другие изменения</translation>
        </message>
        <message>
            <source>Review queue: {error}</source>
            <translation>Очередь на проверку: {error}</translation>
        </message>
        <message>
            <source>Reading the review queue</source>
            <translation>Чтение очереди на проверку</translation>
        </message>
        <message>
            <source>Opening the report</source>
            <translation>Открытие отчёта</translation>
        </message>
        <message>
            <source>A decision is being recorded</source>
            <translation>Решение записывается</translation>
        </message>
        <message>
            <source>Select a report first</source>
            <translation>Сначала выберите отчёт</translation>
        </message>
        <message>
            <source>This report has been decided already</source>
            <translation>По этому отчёту решение уже принято</translation>
        </message>
        <message>
            <source>Only a supervisor reviews examinations</source>
            <translation>Исследования проверяет только руководитель</translation>
        </message>
        <message>
            <source>You cannot review your own examination</source>
            <translation>Нельзя проверять собственное исследование</translation>
        </message>
        <message>
            <source>Not approvable: {why}</source>
            <translation>Утвердить нельзя: {why}</translation>
        </message>
        <message>
            <source>Select an examination of the queue first</source>
            <translation>Сначала выберите исследование из очереди</translation>
        </message>
        <message>
            <source>Write a comment for the examiner before returning the report</source>
            <translation>Перед возвратом отчёта напишите комментарий эксперту</translation>
        </message>
        <message>
            <source>Preparing the countersignature</source>
            <translation>Подготовка заверяющей подписи</translation>
        </message>
        <message>
            <source>Nothing to countersign: approve a report first</source>
            <translation>Нечего заверять: сначала утвердите отчёт</translation>
        </message>
        <message>
            <source>Countersigning the report</source>
            <translation>Заверение отчёта второй подписью</translation>
        </message>
        <message>
            <source>Countersigning</source>
            <translation>Заверение второй подписью</translation>
        </message>
        <message>
            <source>Returning the report</source>
            <translation>Возврат отчёта</translation>
        </message>
        <message>
            <source>A signature is being prepared or made already</source>
            <translation>Подпись уже готовится или выполняется</translation>
        </message>
        <message>
            <source>Nothing to report: capture and examine a document first</source>
            <translation>Отчёт не о чем составить: сначала снимите и исследуйте документ</translation>
        </message>
        <message>
            <source>Already concluding and submitting this examination</source>
            <translation>Это исследование уже завершается и отправляется на проверку</translation>
        </message>
        <message>
            <source>Nothing to conclude: capture and examine a document first</source>
            <translation>Нечего завершать: сначала снимите и исследуйте документ</translation>
        </message>
        <message>
            <source>Already submitted for review: the findings are final</source>
            <translation>Уже отправлено на проверку: наблюдения окончательны</translation>
        </message>
        <message>
            <source>Not submitted: choose a conclusion in the Findings tab first</source>
            <translation>Не отправлено: сначала выберите заключение на вкладке «Наблюдения»</translation>
        </message>
        <message>
            <source>Not submitted: the findings could not be saved (changed elsewhere) — open the examination again to see the other changes</source>
            <translation>Не отправлено: наблюдения не удалось сохранить (изменены в другом месте) — откройте исследование снова, чтобы увидеть другие изменения</translation>
        </message>
        <message>
            <source>The findings were not saved</source>
            <translation>Наблюдения не сохранены</translation>
        </message>
        <message>
            <source>Opening the signing key</source>
            <translation>Открытие ключа подписи</translation>
        </message>
        <message>
            <source>Storing the examination in a case</source>
            <translation>Сохранение исследования в деле</translation>
        </message>
        <message>
            <source>Building the report</source>
            <translation>Формирование отчёта</translation>
        </message>
        <message>
            <source>Rendering the pages to check</source>
            <translation>Подготовка страниц для проверки</translation>
        </message>
        <message>
            <source>Preparing the report</source>
            <translation>Подготовка отчёта</translation>
        </message>
        <message>
            <source>Conclude and submit</source>
            <translation>Завершение и отправка на проверку</translation>
        </message>
        <message>
            <source>Not submitted: {error}</source>
            <translation>Не направлено: {error}</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Не подписано</translation>
        </message>
        <message>
            <source>Nothing to sign: prepare the report first</source>
            <translation>Нечего подписывать: сначала подготовьте отчёт</translation>
        </message>
        <message>
            <source>Signing the report</source>
            <translation>Подписание отчёта</translation>
        </message>
        <message>
            <source>Signed report written to {path} (signed by {signer}, recorded with examination {id})</source>
            <translation>Подписанный отчёт записан в {path} (подписал {signer}, записан в исследовании {id})</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>Concluding the examination</source>
            <translation>Завершение исследования</translation>
        </message>
        <message>
            <source>Storing the signed report</source>
            <translation>Сохранение подписанного отчёта</translation>
        </message>
        <message>
            <source>Submitting for review</source>
            <translation>Отправка на проверку</translation>
        </message>
        <message>
            <source>Concluded and submitted for review: case {case}, examination {id} (report signed by {signer})</source>
            <translation>Завершено и отправлено на проверку: дело {case}, исследование {id} (отчёт подписал {signer})</translation>
        </message>
        <message>
            <source>Saving the findings</source>
            <translation>Сохранение наблюдений</translation>
        </message>
        <message>
            <source>Opening the case database</source>
            <translation>Открытие базы данных дел</translation>
        </message>
        <message>
            <source>Choosing the user</source>
            <translation>Выбор пользователя</translation>
        </message>
        <message>
            <source>Already signing in: wait for it to finish</source>
            <translation>Вход уже выполняется: дождитесь его завершения</translation>
        </message>
        <message>
            <source>Signing in {name}</source>
            <translation>Вход: {name}</translation>
        </message>
        <message>
            <source>Signing in</source>
            <translation>Вход в систему</translation>
        </message>
        <message>
            <source>{task} failed: {error}</source>
            <translation>{task}: ошибка: {error}</translation>
        </message>
        <message>
            <source>author specimen</source>
            <translation>создание образца</translation>
        </message>
        <message>
            <source>preview specimen</source>
            <translation>предпросмотр образца</translation>
        </message>
        <message>
            <source>writing the package</source>
            <translation>запись пакета</translation>
        </message>
        <message>
            <source>export specimen</source>
            <translation>экспорт образца</translation>
        </message>
        <message>
            <source>examining {name}</source>
            <translation>исследование {name}</translation>
        </message>
        <message>
            <source>Placing document {number} of {total}…</source>
            <translation>Размещение документа {number} из {total}…</translation>
        </message>
        <message>
            <source>Document {number}</source>
            <translation>Документ {number}</translation>
        </message>
        <message>
            <source>Checks of document {number}</source>
            <translation>Проверки документа {number}</translation>
        </message>
        <message>
            <source>Storing the course</source>
            <translation>Сохранение курса</translation>
        </message>
    </context>
    <context>
        <name>signing</name>
        <message>
            <source>Sign and submit for review</source>
            <translation>Подписать и направить на проверку</translation>
        </message>
        <message>
            <source>Countersign and approve</source>
            <translation>Заверить и утвердить</translation>
        </message>
        <message>
            <source>Sign and write the report</source>
            <translation>Подписать и записать отчёт</translation>
        </message>
        <message>
            <source>Check the report. Confirming signs it with the key below, concludes the examination and submits it for review; the findings are then final.</source>
            <translation>Проверьте отчёт. Подтверждение подписывает его ключом ниже, завершает исследование и направляет его на проверку; после этого наблюдения окончательны.</translation>
        </message>
        <message>
            <source>Check the examiner's report. Confirming adds your countersignature with the key below and records the approval.</source>
            <translation>Проверьте отчёт эксперта. Подтверждение добавляет вашу заверяющую подпись ключом ниже и записывает утверждение.</translation>
        </message>
        <message>
            <source>Check the report. Confirming signs it with the key below, records it with the examination and writes the file.</source>
            <translation>Проверьте отчёт. Подтверждение подписывает его ключом ниже, записывает его в исследование и сохраняет файл.</translation>
        </message>
        <message>
            <source>Conclude and submit for review</source>
            <translation>Завершить и направить на проверку</translation>
        </message>
        <message>
            <source>Approve and countersign</source>
            <translation>Утвердить и заверить</translation>
        </message>
        <message>
            <source>Sign the report</source>
            <translation>Подписать отчёт</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Подписать</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>Страница {n} из {total}</translation>
        </message>
        <message>
            <source>The pages cannot be shown here: {problem}</source>
            <translation>Страницы нельзя показать здесь: {problem}</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Подписывает</translation>
        </message>
        <message>
            <source>Certificate issued by</source>
            <translation>Сертификат выдан</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Серийный номер</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Действителен до</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Ключ</translation>
        </message>
        <message>
            <source>Signature field</source>
            <translation>Поле подписи</translation>
        </message>
        <message>
            <source>Written to</source>
            <translation>Записывается в</translation>
        </message>
        <message>
            <source>Sign report</source>
            <translation>Подписать отчёт</translation>
        </message>
        <message>
            <source>Sign with PKCS#12 file</source>
            <translation>Подписать файлом PKCS#12</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
            <translation>PKCS#12 (*.p12 *.pfx);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Not signed: {error}</source>
            <translation>Не подписано: {error}</translation>
        </message>
        <message>
            <source>Sign with PKCS#12</source>
            <translation>Подписать PKCS#12</translation>
        </message>
        <message>
            <source>Password of {file}:</source>
            <translation>Пароль для {file}:</translation>
        </message>
    </context>
    <context>
        <name>simulator</name>
        <message>
            <source>Guilloche imitated</source>
            <translation>Гильош имитирован</translation>
        </message>
        <message>
            <source>Relief missing (flat print)</source>
            <translation>Нет рельефа (плоская печать)</translation>
        </message>
        <message>
            <source>Watermark printed on the surface</source>
            <translation>Водяной знак напечатан на поверхности</translation>
        </message>
        <message>
            <source>Perforation printed, not punched</source>
            <translation>Перфорация напечатана, а не пробита</translation>
        </message>
        <message>
            <source>Fibres printed on the surface</source>
            <translation>Волокна напечатаны на поверхности</translation>
        </message>
        <message>
            <source>Ghost image of another face</source>
            <translation>Теневое изображение другого лица</translation>
        </message>
        <message>
            <source>Microprint reduced to a line</source>
            <translation>Микропечать заменена линией</translation>
        </message>
        <message>
            <source>Laminate pattern missing (coaxial)</source>
            <translation>Нет рисунка ламината (коаксиальный свет)</translation>
        </message>
        <message>
            <source>UV 254 print imitated</source>
            <translation>Печать УФ 254 имитирована</translation>
        </message>
        <message>
            <source>Chip: DG1 of another holder</source>
            <translation>Чип: DG1 другого владельца</translation>
        </message>
        <message>
            <source>Chip: another person's face</source>
            <translation>Чип: лицо другого человека</translation>
        </message>
        <message>
            <source>Chip: signed by an unknown signer</source>
            <translation>Чип: подписан неизвестным подписантом</translation>
        </message>
        <message>
            <source>Chip: DG2 replaced after signing</source>
            <translation>Чип: DG2 заменена после подписи</translation>
        </message>
    </context>
    <context>
        <name>specimen editor</name>
        <message>
            <source>no specimen yet: author one from genuine captures</source>
            <translation>образца пока нет: создайте его из снимков подлинных документов</translation>
        </message>
        <message>
            <source>Specimen editor</source>
            <translation>Редактор образцов</translation>
        </message>
        <message>
            <source>varies with the holder</source>
            <translation>зависит от владельца</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Подпись</translation>
        </message>
        <message>
            <source>width</source>
            <translation>ширина</translation>
        </message>
        <message>
            <source>height</source>
            <translation>высота</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Применить</translation>
        </message>
        <message>
            <source>the new specimen's id (state-code-series, e.g. MNG-P-2021)</source>
            <translation>идентификатор нового образца (государство-код-серия, например MNG-P-2021)</translation>
        </message>
        <message>
            <source>Specimen id</source>
            <translation>Идентификатор образца</translation>
        </message>
        <message>
            <source>Add capture…</source>
            <translation>Добавить снимок…</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Создать</translation>
        </message>
        <message>
            <source>Add zone</source>
            <translation>Добавить зону</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Повторить</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Предпросмотр</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспорт…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>действует</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Задать</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Preview (each exemplar against the draft)</source>
            <translation>Предпросмотр (каждый экземпляр против черновика)</translation>
        </message>
        <message>
            <source>failed: {error}</source>
            <translation>ошибка: {error}</translation>
        </message>
        <message>
            <source>exported to {path}</source>
            <translation>экспортировано в {path}</translation>
        </message>
        <message>
            <source>under {light}</source>
            <translation>в свете: {light}</translation>
        </message>
        <message>
            <source>A genuine capture folder</source>
            <translation>Папка снимка подлинного документа</translation>
        </message>
        <message numerus="yes">
            <source>%n capture(s): {folders}</source>
            <translation>
                <numerusform>%n снимок: {folders}</numerusform>
                <numerusform>%n снимка: {folders}</numerusform>
                <numerusform>%n снимков: {folders}</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the specimen package</source>
            <translation>Экспортировать пакет образца</translation>
        </message>
        <message>
            <source>Specimen package (*.zip)</source>
            <translation>Пакет образца (*.zip)</translation>
        </message>
        <message numerus="yes">
            <source>preview: %n exemplar(s) examined against the draft</source>
            <translation>
                <numerusform>предпросмотр: %n экземпляр исследован по черновику</numerusform>
                <numerusform>предпросмотр: %n экземпляра исследованы по черновику</numerusform>
                <numerusform>предпросмотр: %n экземпляров исследованы по черновику</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) ran</source>
            <translation>
                <numerusform>выполнена %n проверка</numerusform>
                <numerusform>выполнены %n проверки</numerusform>
                <numerusform>выполнено %n проверок</numerusform>
            </translation>
        </message>
        <message>
            <source>; failed: {checks}</source>
            <translation>; не пройдены: {checks}</translation>
        </message>
        <message>
            <source>; none failed</source>
            <translation>; все пройдены</translation>
        </message>
    </context>
    <context>
        <name>specimens</name>
        <message>
            <source>Utopia passport, 2020 series, data page</source>
            <translation>паспорт Утопии, серия 2020 года, страница данных</translation>
        </message>
        <message>
            <source>Utopia identity card, 2021 series</source>
            <translation>удостоверение личности Утопии, серия 2021 года</translation>
        </message>
    </context>
    <context>
        <name>statuses</name>
        <message>
            <source>draft</source>
            <translation>черновик</translation>
        </message>
        <message>
            <source>open</source>
            <translation>открыто</translation>
        </message>
        <message>
            <source>concluded</source>
            <translation>завершено</translation>
        </message>
        <message>
            <source>under review</source>
            <translation>на проверке</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>утверждено</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>возвращено</translation>
        </message>
    </context>
    <context>
        <name>tools</name>
        <message>
            <source>Pan</source>
            <translation>Перемещение</translation>
        </message>
        <message>
            <source>Ruler</source>
            <translation>Линейка</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>Угол</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Прямоугольник</translation>
        </message>
        <message>
            <source>Arrow</source>
            <translation>Стрелка</translation>
        </message>
    </context>
    <context>
        <name>trainer</name>
        <message>
            <source>Courses (*.json)</source>
            <translation>Курсы (*.json)</translation>
        </message>
        <message>
            <source>Trainer — Document examination</source>
            <translation>Тренажёр — Исследование документов</translation>
        </message>
        <message>
            <source>Choose a course.</source>
            <translation>Выберите курс.</translation>
        </message>
        <message>
            <source>Start the course</source>
            <translation>Начать курс</translation>
        </message>
        <message>
            <source>Open a course file…</source>
            <translation>Открыть файл курса…</translation>
        </message>
        <message>
            <source>New course…</source>
            <translation>Новый курс…</translation>
        </message>
        <message>
            <source>Edit as a new course…</source>
            <translation>Изменить как новый курс…</translation>
        </message>
        <message>
            <source>Courses</source>
            <translation>Курсы</translation>
        </message>
        <message>
            <source>The course</source>
            <translation>Курс</translation>
        </message>
        <message>
            <source>{verdict}   ({key})</source>
            <translation>{verdict}   ({key})</translation>
        </message>
        <message>
            <source>Submit the answer</source>
            <translation>Отправить ответ</translation>
        </message>
        <message>
            <source>Your conclusion</source>
            <translation>Ваше заключение</translation>
        </message>
        <message>
            <source>Forgery kind</source>
            <translation>Вид подделки</translation>
        </message>
        <message>
            <source>Next document</source>
            <translation>Следующий документ</translation>
        </message>
        <message>
            <source>The automated checks</source>
            <translation>Автоматические проверки</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Проверка</translation>
        </message>
        <message>
            <source>Says</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Документы</translation>
        </message>
        <message>
            <source>Shown</source>
            <translation>Показано</translation>
        </message>
        <message>
            <source>Recognised</source>
            <translation>Распознано</translation>
        </message>
        <message>
            <source>Kind named</source>
            <translation>Вид назван</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Освещение</translation>
        </message>
        <message>
            <source>Forgeries it shows</source>
            <translation>Подделок видно</translation>
        </message>
        <message>
            <source>Choose another course</source>
            <translation>Выбрать другой курс</translation>
        </message>
        <message>
            <source>Per forgery kind</source>
            <translation>По видам подделок</translation>
        </message>
        <message>
            <source>Per light</source>
            <translation>По освещению</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} мин</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s), about {percent} % genuine. Lights: {lights}. Time limit: {limit}. Automated checks: {checks}.</source>
            <translation>
                <numerusform>%n документ, около {percent} % подлинных. Освещение: {lights}. Ограничение времени: {limit}. Автоматические проверки: {checks}.</numerusform>
                <numerusform>%n документа, около {percent} % подлинных. Освещение: {lights}. Ограничение времени: {limit}. Автоматические проверки: {checks}.</numerusform>
                <numerusform>%n документов, около {percent} % подлинных. Освещение: {lights}. Ограничение времени: {limit}. Автоматические проверки: {checks}.</numerusform>
            </translation>
        </message>
        <message>
            <source>shown</source>
            <translation>показаны</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>скрыты</translation>
        </message>
        <message>
            <source>Forgeries you may meet:</source>
            <translation>Подделки, которые могут встретиться:</translation>
        </message>
        <message numerus="yes">
            <source>{title}  (%n document(s))</source>
            <translation>
                <numerusform>{title}  (%n документ)</numerusform>
                <numerusform>{title}  (%n документа)</numerusform>
                <numerusform>{title}  (%n документов)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open a course</source>
            <translation>Открыть курс</translation>
        </message>
        <message>
            <source>Course refused</source>
            <translation>Курс отклонён</translation>
        </message>
        <message>
            <source>Placing the first document…</source>
            <translation>Подготовка первого документа…</translation>
        </message>
        <message>
            <source>Document {number} of {total}</source>
            <translation>Документ {number} из {total}</translation>
        </message>
        <message numerus="yes">
            <source>%n mark(s). Mark where you see the forgery: the rectangle tool (M), then two corners; Ctrl+Z removes the last mark.</source>
            <translation>
                <numerusform>%n отметка. Отметьте, где вы видите подделку: инструмент «Прямоугольник» (M), затем два угла; Ctrl+Z удаляет последнюю отметку.</numerusform>
                <numerusform>%n отметки. Отметьте, где вы видите подделку: инструмент «Прямоугольник» (M), затем два угла; Ctrl+Z удаляет последнюю отметку.</numerusform>
                <numerusform>%n отметок. Отметьте, где вы видите подделку: инструмент «Прямоугольник» (M), затем два угла; Ctrl+Z удаляет последнюю отметку.</numerusform>
            </translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Верно</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>Нет ответа</translation>
        </message>
        <message>
            <source>Wrong</source>
            <translation>Неверно</translation>
        </message>
        <message>
            <source>Document {number}: {result} — {points} points</source>
            <translation>Документ {number}: {result} — баллов: {points}</translation>
        </message>
        <message>
            <source>Where: {zone}; shows under {lights}.</source>
            <translation>Где: {zone}; видно в свете: {lights}.</translation>
        </message>
        <message>
            <source>the whole page</source>
            <translation>вся страница</translation>
        </message>
        <message>
            <source>Edit applied at {percent} %.</source>
            <translation>Изменение применено на {percent} %.</translation>
        </message>
        <message>
            <source>on the forgery</source>
            <translation>на подделке</translation>
        </message>
        <message>
            <source>not on the forgery</source>
            <translation>не на подделке</translation>
        </message>
        <message>
            <source>You said: {said}&lt;br&gt;Your marks: {marks}, {located}&lt;br&gt;Time: {seconds} s</source>
            <translation>Ваш ответ: {said}&lt;br&gt;Ваши отметки: {marks}, {located}&lt;br&gt;Время: {seconds} с</translation>
        </message>
        <message>
            <source>the forgery</source>
            <translation>подделка</translation>
        </message>
        <message>
            <source>See the score</source>
            <translation>Посмотреть результат</translation>
        </message>
        <message>
            <source>Placing the next document…</source>
            <translation>Подготовка следующего документа…</translation>
        </message>
        <message>
            <source>Storing the course…</source>
            <translation>Сохранение курса…</translation>
        </message>
        <message>
            <source>Evidence: {check}</source>
            <translation>Доказательства: {check}</translation>
        </message>
        <message>
            <source>{time} elapsed</source>
            <translation>прошло {time}</translation>
        </message>
        <message>
            <source>{time} left</source>
            <translation>осталось {time}</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Сдан</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>Не сдан</translation>
        </message>
        <message>
            <source>Stored under your name. A supervisor issues the signed certificate of a passed course (Tools ▸ Trainees' progress).</source>
            <translation>Сохранено под вашим именем. Подписанный сертификат за сданный курс выдаёт руководитель (Инструменты ▸ Успехи обучаемых).</translation>
        </message>
        <message>
            <source>Not stored (no case database).</source>
            <translation>Не сохранено (нет базы данных дел).</translation>
        </message>
        <message>
            <source>The time limit ended the course.</source>
            <translation>Курс завершён по истечении времени.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{percent} %&lt;/b&gt; of the points ({points} of {total}).</source>
            <translation>&lt;b&gt;{percent} %&lt;/b&gt; баллов ({points} из {total}).</translation>
        </message>
        <message>
            <source>Forgeries missed: {missed}. Genuine documents called forged: {false_alarms}. Can't tell: {unsure}.&lt;br&gt;Time: {minutes} min.</source>
            <translation>Пропущено подделок: {missed}. Подлинных документов названо поддельными: {false_alarms}. Не могу сказать: {unsure}.&lt;br&gt;Время: {minutes} мин.</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Остановлено</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Тренажёр</translation>
        </message>
        <message>
            <source>The case database is not open yet.</source>
            <translation>База данных дел ещё не открыта.</translation>
        </message>
    </context>
    <context>
        <name>training</name>
        <message>
            <source>Genuine documents</source>
            <translation>Подлинные документы</translation>
        </message>
        <message>
            <source>Portrait substituted</source>
            <translation>Фотография заменена</translation>
        </message>
        <message>
            <source>Reprint on office paper</source>
            <translation>Перепечатка на офисной бумаге</translation>
        </message>
        <message>
            <source>Reprint on UV-dull paper</source>
            <translation>Перепечатка на бумаге, не люминесцирующей в УФ</translation>
        </message>
        <message>
            <source>Printed data retyped</source>
            <translation>Напечатанные данные перепечатаны</translation>
        </message>
        <message>
            <source>MRZ retyped in IR-transparent ink</source>
            <translation>МСЗ перепечатана ИК-прозрачной краской</translation>
        </message>
        <message>
            <source>MRZ character altered</source>
            <translation>Изменён символ МСЗ</translation>
        </message>
        <message>
            <source>UV feature erased</source>
            <translation>Удалён УФ-элемент</translation>
        </message>
        <message>
            <source>Background in IR-absorbing ink</source>
            <translation>Фоновая сетка ИК-поглощающей краской</translation>
        </message>
        <message>
            <source>Background redrawn</source>
            <translation>Фоновая сетка перерисована</translation>
        </message>
        <message>
            <source>Genuine</source>
            <translation>Подлинный</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Поддельный</translation>
        </message>
        <message>
            <source>Can't tell</source>
            <translation>Не могу сказать</translation>
        </message>
    </context>
    <context>
        <name>trends</name>
        <message>
            <source>Examinations</source>
            <translation>Исследования</translation>
        </message>
        <message>
            <source>Detected forgeries</source>
            <translation>Выявленные подделки</translation>
        </message>
        <message>
            <source>Flagged by the checks</source>
            <translation>Отмечены проверками</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(нет)</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Государство выдачи</translation>
        </message>
        <message>
            <source>Document type</source>
            <translation>Тип документа</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Серия</translation>
        </message>
        <message>
            <source>Failed check</source>
            <translation>Непройденная проверка</translation>
        </message>
        <message>
            <source>Forgery kind</source>
            <translation>Вид подделки</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Заключение</translation>
        </message>
        <message>
            <source>Border point</source>
            <translation>Пункт пропуска</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Автоматическая оценка</translation>
        </message>
        <message>
            <source>Nothing</source>
            <translation>Без разбивки</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Последние 30 дней</translation>
        </message>
        <message>
            <source>Last 90 days</source>
            <translation>Последние 90 дней</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>Последние 12 месяцев</translation>
        </message>
        <message>
            <source>Last 3 years</source>
            <translation>Последние 3 года</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Свой период</translation>
        </message>
        <message>
            <source>All border points</source>
            <translation>Все пункты пропуска</translation>
        </message>
        <message>
            <source>All issuing states</source>
            <translation>Все государства выдачи</translation>
        </message>
        <message>
            <source>All checks</source>
            <translation>Все проверки</translation>
        </message>
        <message>
            <source>All forgery kinds</source>
            <translation>Все виды подделок</translation>
        </message>
        <message>
            <source>Forgeries</source>
            <translation>Подделки</translation>
        </message>
        <message>
            <source>Flagged</source>
            <translation>Отмечено</translation>
        </message>
        <message>
            <source>day</source>
            <translation>день</translation>
        </message>
        <message>
            <source>week</source>
            <translation>неделя</translation>
        </message>
        <message>
            <source>month</source>
            <translation>месяц</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>квартал</translation>
        </message>
        <message>
            <source>year</source>
            <translation>год</translation>
        </message>
        <message>
            <source>Save chart…</source>
            <translation>Сохранить график…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Период</translation>
        </message>
        <message>
            <source>to</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показать</translation>
        </message>
        <message>
            <source>by</source>
            <translation>по</translation>
        </message>
        <message>
            <source>Only</source>
            <translation>Только</translation>
        </message>
        <message>
            <source>Count again (F5)</source>
            <translation>Пересчитать (F5)</translation>
        </message>
        <message>
            <source>Save the chart as PNG or SVG (Ctrl+Shift+S)</source>
            <translation>Сохранить график в PNG или SVG (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Подсчёт…</translation>
        </message>
        <message>
            <source>{measure} per {bucket}, {since} to {until}</source>
            <translation>{measure} за {bucket}, с {since} по {until}</translation>
        </message>
        <message>
            <source>Examinations: {examinations} · forgeries: {forgeries} · flagged: {flagged}</source>
            <translation>Исследований: {examinations} · подделок: {forgeries} · отмечено: {flagged}</translation>
        </message>
        <message>
            <source>All examinations</source>
            <translation>Все исследования</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Все</translation>
        </message>
        <message>
            <source>Save chart</source>
            <translation>Сохранить график</translation>
        </message>
        <message>
            <source>Chart saved: {path}</source>
            <translation>График сохранён: {path}</translation>
        </message>
        <message>
            <source>Could not save the chart: {error}</source>
            <translation>Не удалось сохранить график: {error}</translation>
        </message>
    </context>
    <context>
        <name>users</name>
        <message>
            <source>Who is examining?</source>
            <translation>Кто проводит исследование?</translation>
        </message>
        <message>
            <source>Login name, e.g. aeriksson</source>
            <translation>Имя входа, например aeriksson</translation>
        </message>
        <message>
            <source>Full name as shown in reports, e.g. Anna Eriksson</source>
            <translation>Полное имя, как в отчётах, например Anna Eriksson</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Добавить учётную запись</translation>
        </message>
        <message>
            <source>New local account</source>
            <translation>Новая локальная учётная запись</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>Отображаемое имя</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Choose your account:</source>
            <translation>Выберите учётную запись:</translation>
        </message>
        <message>
            <source>Added {user}.</source>
            <translation>Добавлено: {user}.</translation>
        </message>
        <message>
            <source>Choose an account or add one.</source>
            <translation>Выберите учётную запись или добавьте новую.</translation>
        </message>
    </context>
    <context>
        <name>verdicts</name>
        <message>
            <source>no anomaly</source>
            <translation>без признаков</translation>
        </message>
        <message>
            <source>anomalies</source>
            <translation>есть признаки</translation>
        </message>
        <message>
            <source>inconclusive</source>
            <translation>не установлено</translation>
        </message>
    </context>
    <context>
        <name>views</name>
        <message>
            <source>Examination</source>
            <translation>Исследование</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Дела</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Проверка</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>Тенденции</translation>
        </message>
    </context>
    <context>
        <name>window</name>
        <message>
            <source>Chip</source>
            <translation>Чип</translation>
        </message>
        <message>
            <source>Barcodes</source>
            <translation>Штрихкоды</translation>
        </message>
        <message>
            <source>Workstation — document examination</source>
            <translation>Рабочее место — исследование документов</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Скрыть</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Считыватель</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Проверки</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Исследование</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Готово</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Findings (submitted)</source>
            <translation>Наблюдения (направлены)</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Наблюдения</translation>
        </message>
        <message>
            <source>Marked: {mark}</source>
            <translation>Отмечено: {mark}</translation>
        </message>
        <message>
            <source>{check}: no zone to show</source>
            <translation>{check}: нет зоны для показа</translation>
        </message>
        <message>
            <source>Warming up</source>
            <translation>Подготовка к работе</translation>
        </message>
        <message>
            <source>Opening the reader</source>
            <translation>Открытие считывателя</translation>
        </message>
    </context>
    <context>
        <name>workers</name>
        <message>
            <source>{task} cancelled</source>
            <translation>{task}: отменено</translation>
        </message>
        <message>
            <source>{task} failed: {error}</source>
            <translation>{task}: ошибка: {error}</translation>
        </message>
    </context>
    <context>
        <name>zone overlay</name>
        <message>
            <source>glows</source>
            <translation>светится</translation>
        </message>
        <message>
            <source>dull</source>
            <translation>не светится</translation>
        </message>
        <message>
            <source>visible</source>
            <translation>видно</translation>
        </message>
        <message>
            <source>invisible</source>
            <translation>не видно</translation>
        </message>
        <message>
            <source>matches</source>
            <translation>совпадает</translation>
        </message>
        <message>
            <source>barcode</source>
            <translation>штрихкод</translation>
        </message>
        <message>
            <source>relief</source>
            <translation>рельеф</translation>
        </message>
        <message>
            <source>see-through</source>
            <translation>на просвет</translation>
        </message>
        <message>
            <source>perforated</source>
            <translation>перфорация</translation>
        </message>
        <message>
            <source>retro-reflects</source>
            <translation>световозвращает</translation>
        </message>
        <message>
            <source>fibres</source>
            <translation>волокна</translation>
        </message>
        <message>
            <source>microprint</source>
            <translation>микропечать</translation>
        </message>
        <message>
            <source>ghost</source>
            <translation>теневое изображение</translation>
        </message>
    </context>
    <context>
        <name>zones</name>
        <message>
            <source>machine readable zone</source>
            <translation>машиносчитываемая зона</translation>
        </message>
        <message>
            <source>PDF417 with the holder's data (AAMVA)</source>
            <translation>PDF417 с данными владельца (AAMVA)</translation>
        </message>
        <message>
            <source>digital seal (DataMatrix, ICAO 9303-13)</source>
            <translation>цифровая печать (DataMatrix, ИКАО 9303-13)</translation>
        </message>
        <message>
            <source>guilloche background</source>
            <translation>гильошная фоновая сетка</translation>
        </message>
        <message>
            <source>holder's portrait</source>
            <translation>фотография владельца</translation>
        </message>
        <message>
            <source>holder's signature</source>
            <translation>подпись владельца</translation>
        </message>
        <message>
            <source>luminescent pattern across the portrait's edge</source>
            <translation>люминесцентный рисунок через край фотографии</translation>
        </message>
        <message>
            <source>luminescent state emblem</source>
            <translation>люминесцентный государственный герб</translation>
        </message>
        <message>
            <source>machine readable zone (carbon ink)</source>
            <translation>машиносчитываемая зона (углеродная краска)</translation>
        </message>
        <message>
            <source>printed birth date</source>
            <translation>напечатанная дата рождения</translation>
        </message>
        <message>
            <source>printed document number</source>
            <translation>напечатанный номер документа</translation>
        </message>
        <message>
            <source>printed expiry date</source>
            <translation>напечатанная дата окончания срока</translation>
        </message>
        <message>
            <source>printed given names</source>
            <translation>напечатанное имя</translation>
        </message>
        <message>
            <source>printed nationality</source>
            <translation>напечатанное гражданство</translation>
        </message>
        <message>
            <source>printed sex</source>
            <translation>напечатанный пол</translation>
        </message>
        <message>
            <source>printed surname</source>
            <translation>напечатанная фамилия</translation>
        </message>
        <message>
            <source>seal in IR-absorbing ink</source>
            <translation>печать ИК-поглощающей краской</translation>
        </message>
        <message>
            <source>state name (IR-dropout ink)</source>
            <translation>название государства (ИК-прозрачная краска)</translation>
        </message>
        <message>
            <source>substrate without personalisation</source>
            <translation>основа без персонализации</translation>
        </message>
        <message>
            <source>false luminescence</source>
            <translation>посторонняя люминесценция</translation>
        </message>
        <message>
            <source>page</source>
            <translation>страница</translation>
        </message>
        <message>
            <source>state name in intaglio print</source>
            <translation>название государства (металлографская печать)</translation>
        </message>
        <message>
            <source>dry seal (blind embossing) over the portrait's corner</source>
            <translation>сухая печать (бескрасочное тиснение) на углу фотографии</translation>
        </message>
        <message>
            <source>multi-tone watermark</source>
            <translation>многотоновый водяной знак</translation>
        </message>
        <message>
            <source>see-through register (half on each side)</source>
            <translation>совмещение на просвет (по половине на каждой стороне)</translation>
        </message>
        <message>
            <source>laser-perforated document number</source>
            <translation>номер документа, перфорированный лазером</translation>
        </message>
        <message>
            <source>retro-reflective laminate pattern</source>
            <translation>световозвращающий рисунок ламината</translation>
        </message>
        <message>
            <source>short-wave UV print (254 nm only)</source>
            <translation>печать в коротковолновом УФ (только 254 нм)</translation>
        </message>
        <message>
            <source>luminescent security fibres</source>
            <translation>люминесцентные защитные волокна</translation>
        </message>
        <message>
            <source>ghost image of the portrait</source>
            <translation>теневое изображение фотографии</translation>
        </message>
        <message>
            <source>microprint line</source>
            <translation>строка микропечати</translation>
        </message>
        <message>
            <source>portrait</source>
            <translation>фотография</translation>
        </message>
    </context>
</TS>
