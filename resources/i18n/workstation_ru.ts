<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
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
            <translation>Доверенный корневой сертификат</translation>
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
            <source>{zone}: the specimen has no ghost image to compare the portrait with</source>
            <translation>{zone}: у образца нет теневого изображения для сравнения с фотографией</translation>
        </message>
        <message>
            <source>{zone}: the portrait or its ghost image shows nothing to compare</source>
            <translation>{zone}: на фотографии или её теневом изображении нечего сравнивать</translation>
        </message>
        <message>
            <source>{zone}: does not match the document's {ghost} (portrait replaced?)</source>
            <translation>{zone}: не совпадает с элементом документа «{ghost}» (фотография заменена?)</translation>
        </message>
        <message>
            <source>{zone}: matches the document's {ghost}</source>
            <translation>{zone}: совпадает с элементом документа «{ghost}»</translation>
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
            <source>the specimen has no zone the ghost image repeats</source>
            <translation>у образца нет зоны, которую повторяет теневое изображение</translation>
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
        <name>menus</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
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
