<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn">
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Дэлгэрэнгүй харуулах...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Дэлгэрэнгүйг нуух...</translation>
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
            <translation>Цуцлах</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Хаах</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Хэрэглэх</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Анхны байдал</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Хадгалах</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Нээх</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Тусламж</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Тийм</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Үгүй</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Хаях</translation>
        </message>
    </context>
    <context>
        <name>about</name>
        <message>
            <source>Open document-examination workstation for border secondary inspection.</source>
            <translation>Хилийн нарийвчилсан шалгалтад зориулсан баримт бичгийн шинжилгээний нээлттэй ажлын байр.</translation>
        </message>
        <message>
            <source>Data folder: {folder}</source>
            <translation>Өгөгдлийн хавтас: {folder}</translation>
        </message>
        <message>
            <source>Bundled fonts: DejaVu Sans (Bitstream Vera / DejaVu licence, a free licence allowing use, copy and redistribution) and OCR-B (Matthew Skala's rendering of Norbert Schwarz's OCR-B: public domain / free to use, modify and distribute). The licence texts are in the program's resources/fonts folder.</source>
            <translation>Хавсаргасан фонтууд: DejaVu Sans (Bitstream Vera / DejaVu лиценз — ашиглах, хуулах, дахин түгээхийг зөвшөөрсөн чөлөөт лиценз) ба OCR-B (Norbert Schwarz-ийн OCR-B-г Matthew Skala хийсэн хувилбар: нийтийн өмч / ашиглах, өөрчлөх, түгээхэд чөлөөтэй). Лицензийн бичвэрүүд програмын resources/fonts хавтаст байна.</translation>
        </message>
        <message>
            <source>About workstation</source>
            <translation>Ажлын байрны тухай</translation>
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
            <translation>Сэрэмжлүүлэг №{id} ({document}): {feature} — {published}-нд {place}-д {by} нийтэлсэн; {expires} хүртэл хүчинтэй</translation>
        </message>
        <message>
            <source>Alert #{id} for {document}: {feature} — published {published} by {by} (border point not configured); expires {expires}</source>
            <translation>Сэрэмжлүүлэг №{id} ({document}): {feature} — {published}-нд {by} нийтэлсэн (хилийн боомт тохируулаагүй); {expires} хүртэл хүчинтэй</translation>
        </message>
        <message numerus="yes">
            <source>Show %n crop(s)</source>
            <translation>
                <numerusform>%n хэсгийг харуулах</numerusform>
                <numerusform>%n хэсгийг харуулах</numerusform>
            </translation>
        </message>
        <message>
            <source>Publish an alert — {document}</source>
            <translation>Сэрэмжлүүлэг нийтлэх — {document}</translation>
        </message>
        <message>
            <source>The feature that betrayed the forgery</source>
            <translation>Хуурамчлалыг илрүүлсэн элемент</translation>
        </message>
        <message>
            <source>What examiners should look for</source>
            <translation>Шинжээчид юуг анхаарах ёстой вэ</translation>
        </message>
        <message>
            <source> days</source>
            <translation> хоног</translation>
        </message>
        <message>
            <source>Every series of this document type</source>
            <translation>Энэ төрлийн баримт бичгийн бүх цуврал</translation>
        </message>
        <message>
            <source>Crops are shown as they will be published: the holder's portrait, signature, MRZ and data fields are blurred.</source>
            <translation>Хэсгүүдийг нийтлэгдэх байдлаар нь харуулж байна: эзэмшигчийн цээж зураг, гарын үсэг, МУБ болон мэдээллийн талбарууд бүдгэрүүлсэн.</translation>
        </message>
        <message>
            <source>Feature</source>
            <translation>Элемент</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Тайлбар</translation>
        </message>
        <message>
            <source>Expires after</source>
            <translation>Хүчинтэй хугацаа</translation>
        </message>
        <message>
            <source>Publish to every workstation</source>
            <translation>Бүх ажлын байранд нийтлэх</translation>
        </message>
    </context>
    <context>
        <name>authoring</name>
        <message>
            <source>finding the page of {name}</source>
            <translation>{name}-ийн хуудсыг хайж байна</translation>
        </message>
        <message>
            <source>finding the pages</source>
            <translation>хуудсуудыг хайж байна</translation>
        </message>
        <message>
            <source>finding the zones</source>
            <translation>бүсүүдийг хайж байна</translation>
        </message>
        <message>
            <source>learning the statistics of every exemplar</source>
            <translation>дээж бүрийн статистикийг сурч байна</translation>
        </message>
        <message>
            <source>done</source>
            <translation>дууслаа</translation>
        </message>
        <message>
            <source>measuring {name}</source>
            <translation>{name}-ийг хэмжиж байна</translation>
        </message>
    </context>
    <context>
        <name>barcode panel</name>
        <message>
            <source>No examination yet.</source>
            <translation>Шинжилгээ хараахан хийгээгүй.</translation>
        </message>
        <message>
            <source>No barcode was read on this document.</source>
            <translation>Энэ баримт бичгээс зураасан код уншигдсангүй.</translation>
        </message>
        <message>
            <source>Its back was not captured: turn it over and capture the back (Shift+Space) to read the barcodes printed there.</source>
            <translation>Ар талын зураг аваагүй: тэнд хэвлэсэн зураасан кодыг уншихын тулд баримтыг эргүүлж, ар талын зургийг авна уу (Shift+Space).</translation>
        </message>
        <message>
            <source>Barcode data against the page</source>
            <translation>Зураасан код ба хуудас</translation>
        </message>
        <message>
            <source>Show on the page</source>
            <translation>Хуудас дээр харуулах</translation>
        </message>
        <message>
            <source>No barcode carries holder data to compare.</source>
            <translation>Харьцуулах эзэмшигчийн мэдээлэлтэй зураасан код алга.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Талбар</translation>
        </message>
        <message>
            <source>In the barcode</source>
            <translation>Зураасан кодод</translation>
        </message>
        <message>
            <source>On the page</source>
            <translation>Хуудсан дээр</translation>
        </message>
        <message>
            <source>Compared with</source>
            <translation>Харьцуулсан нь</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Үр дүн</translation>
        </message>
        <message>
            <source>MRZ lines</source>
            <translation>МУБ-ын мөрүүд</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Овог</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Төрсөн огноо</translation>
        </message>
        <message>
            <source>Date of expiry</source>
            <translation>Дуусах хугацаа</translation>
        </message>
        <message>
            <source>Date of issue</source>
            <translation>Олгосон огноо</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Хүйс</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Иргэншил</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Олгосон улс</translation>
        </message>
        <message>
            <source>Document type</source>
            <translation>Баримт бичгийн төрөл</translation>
        </message>
        <message>
            <source>the MRZ</source>
            <translation>МУБ</translation>
        </message>
        <message>
            <source>the printed field</source>
            <translation>хэвлэсэн талбар</translation>
        </message>
        <message>
            <source>the page</source>
            <translation>хуудас</translation>
        </message>
        <message numerus="yes">
            <source>%n barcode(s): {codes}</source>
            <translation>
                <numerusform>%n зураасан код: {codes}</numerusform>
                <numerusform>%n зураасан код: {codes}</numerusform>
            </translation>
        </message>
        <message>
            <source>{format} · {face}</source>
            <translation>{format} · {face}</translation>
        </message>
        <message>
            <source>Switch to this face and zoom to the barcode (its outline is drawn)</source>
            <translation>Энэ тал руу шилжиж зураасан кодыг томруулах (хүрээг нь зурна)</translation>
        </message>
        <message>
            <source>agrees</source>
            <translation>тохирно</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>зөрүүтэй</translation>
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
            <translation>Анхааруулга</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Алдаа</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Гарын үсэг зурагч</translation>
        </message>
        <message>
            <source>Issued / signed</source>
            <translation>Олгосон / гарын үсэг зурсан</translation>
        </message>
        <message>
            <source>Seal verification</source>
            <translation>Тамганы шалгалт</translation>
        </message>
        <message>
            <source>Trust anchor</source>
            <translation>Итгэлийн үндсэн гэрчилгээ</translation>
        </message>
        <message>
            <source>Revocation</source>
            <translation>Хүчингүй болгосон эсэх</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Агуулга</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Овог</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Middle names</source>
            <translation>Дунд нэр</translation>
        </message>
        <message>
            <source>Customer number</source>
            <translation>Хэрэглэгчийн дугаар</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Төрсөн огноо</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Хүйс</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>Олгосон</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Дуусах</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Хот</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>Шуудангийн код</translation>
        </message>
        <message>
            <source>Issue date</source>
            <translation>Олгосон огноо</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МУБ</translation>
        </message>
        <message>
            <source>MRZ (visa type A)</source>
            <translation>МУБ (A төрлийн виз)</translation>
        </message>
        <message>
            <source>MRZ (visa type B)</source>
            <translation>МУБ (B төрлийн виз)</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Овог</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Иргэншил</translation>
        </message>
        <message>
            <source>Expiry date</source>
            <translation>Дуусах хугацаа</translation>
        </message>
    </context>
    <context>
        <name>barcodes</name>
        <message>
            <source>{format}: AAMVA {kind} data, {jurisdiction}, version {version}</source>
            <translation>{format}: AAMVA {kind} мэдээлэл, {jurisdiction}, хувилбар {version}</translation>
        </message>
        <message>
            <source>{format}: AAMVA {kind} data, issuer {iin}, version {version}</source>
            <translation>{format}: AAMVA {kind} мэдээлэл, олгогч {iin}, хувилбар {version}</translation>
        </message>
        <message>
            <source>{format}: unreadable AAMVA data</source>
            <translation>{format}: AAMVA мэдээлэл уншигдахгүй</translation>
        </message>
        <message>
            <source>{format}: malformed digital seal</source>
            <translation>{format}: цахим тамгын бүтэц алдаатай</translation>
        </message>
        <message>
            <source>{format}: digital seal, {kind}, issued by {country}</source>
            <translation>{format}: цахим тамга, {kind}, олгосон улс {country}</translation>
        </message>
        <message>
            <source>unknown type</source>
            <translation>төрөл тодорхойгүй</translation>
        </message>
        <message>
            <source>{signer} / certificate {reference}</source>
            <translation>{signer} / гэрчилгээ {reference}</translation>
        </message>
        <message>
            <source>{verdict} — {message}</source>
            <translation>{verdict} — {message}</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>ЗӨВ</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>БУРУУ</translation>
        </message>
        <message>
            <source>WARN</source>
            <translation>АНХААР</translation>
        </message>
        <message>
            <source>not revoked (current CRL)</source>
            <translation>хүчингүй болгоогүй (хүчинтэй CRL)</translation>
        </message>
        <message>
            <source>not listed, but the CRL has expired</source>
            <translation>жагсаалтад байхгүй, гэхдээ CRL-ийн хугацаа дууссан</translation>
        </message>
        <message>
            <source>no CRL of the CA</source>
            <translation>гэрчилгээ олгогч төвийн CRL алга</translation>
        </message>
        <message>
            <source>REVOKED</source>
            <translation>ХҮЧИНГҮЙ БОЛГОСОН</translation>
        </message>
        <message>
            <source>no certificate of signer {ref} (country {country}, serial 0x{serial}) in the trust store</source>
            <translation>гарын үсэг зурагч {ref}-ийн гэрчилгээ (улс {country}, серийн дугаар 0x{serial}) итгэмжлэгдсэн гэрчилгээний санд алга</translation>
        </message>
        <message>
            <source>signer {ref}: {reason}</source>
            <translation>гарын үсэг зурагч {ref}: {reason}</translation>
        </message>
        <message>
            <source>the signature does not verify with signer {ref}'s certificate: the seal's data or signature was changed</source>
            <translation>гарын үсэг зурагч {ref}-ийн гэрчилгээгээр гарын үсэг батлагдахгүй байна: тамганы өгөгдөл эсвэл гарын үсгийг өөрчилсөн</translation>
        </message>
        <message>
            <source>signed {date} outside the validity of the trusted signer certificate{how}</source>
            <translation>{date}-нд итгэмжлэгдсэн гарын үсэг зурагчийн гэрчилгээний хүчинтэй хугацаанаас гадуур зурсан{how}</translation>
        </message>
        <message>
            <source>signature valid; signer {ref} is itself a trust anchor{how}</source>
            <translation>гарын үсэг зөв; гарын үсэг зурагч {ref} өөрөө итгэлийн үндсэн гэрчилгээ{how}</translation>
        </message>
        <message>
            <source>signature valid, but no trusted CA issued signer {ref}'s certificate (issuer {issuer}){how}</source>
            <translation>гарын үсэг зөв, гэвч гарын үсэг зурагч {ref}-ийн гэрчилгээг итгэмжлэгдсэн гэрчилгээ олгогч төв олгоогүй (олгогч {issuer}){how}</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate (country {country}) was issued by the CA of another country ({anchor_country})</source>
            <translation>гарын үсэг зурагч {ref}-ийн гэрчилгээг (улс {country}) өөр улсын ({anchor_country}) гэрчилгээ олгогч төв олгосон</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate is revoked by its CA{since}</source>
            <translation>гарын үсэг зурагч {ref}-ийн гэрчилгээг олгогч төв нь хүчингүй болгосон{since}</translation>
        </message>
        <message>
            <source> since {date}</source>
            <translation> ({date}-нээс хойш)</translation>
        </message>
        <message>
            <source>signed {date} outside the validity of signer {ref}'s certificate or its CA's</source>
            <translation>{date}-нд гарын үсэг зурагч {ref}-ийн гэрчилгээ эсвэл түүний олгогч төвийн хүчинтэй хугацаанаас гадуур зурсан</translation>
        </message>
        <message>
            <source>signature valid; signer {ref} certified by {anchor}{how}</source>
            <translation>гарын үсэг зөв; гарын үсэг зурагч {ref}-ийг {anchor} баталгаажуулсан{how}</translation>
        </message>
        <message>
            <source> (matched by country and serial number only)</source>
            <translation> (зөвхөн улс ба серийн дугаараар тохирсон)</translation>
        </message>
        <message>
            <source>signer {ref}'s certificate names a trusted CA as issuer, but that CA's signature on it does not verify</source>
            <translation>гарын үсэг зурагч {ref}-ийн гэрчилгээнд итгэмжлэгдсэн төвийг олгогчоор нэрлэсэн боловч тэр төвийн гарын үсэг батлагдахгүй байна</translation>
        </message>
    </context>
    <context>
        <name>calibration</name>
        <message>
            <source>Dark frames</source>
            <translation>Харанхуй кадр</translation>
        </message>
        <message>
            <source>Close the lid or cover the platen so no room light falls on it. Nothing needs to lie on the platen. Every lamp stays off.</source>
            <translation>Тагийг хааж эсвэл шилэн тавцанг таглаж, өрөөний гэрэл тусахгүй болго. Тавцан дээр юу ч тавих шаардлагагүй. Бүх чийдэн унтраалттай байна.</translation>
        </message>
        <message>
            <source>Flat field</source>
            <translation>Жигд талбар</translation>
        </message>
        <message>
            <source>Lay a clean, matt white card over the whole platen. Each lamp lights in turn to measure how evenly it lights the platen.</source>
            <translation>Шилэн тавцан бүхэлд нь цэвэр, гөлгөр бус цагаан картаар бүрхэнэ. Чийдэн бүр ээлжлэн асч, тавцанг хэр жигд гэрэлтүүлж байгааг хэмжинэ.</translation>
        </message>
        <message>
            <source>Scale (dpi)</source>
            <translation>Масштаб (dpi)</translation>
        </message>
        <message>
            <source>Lay a ruler with millimetre ticks flat on the platen, or an ID-1 card (85.6 × 54 mm) on the dark platen, not touching its edges.</source>
            <translation>Миллиметрийн хуваарьтай шугамыг шилэн тавцан дээр тэгш тавих, эсвэл ID-1 картыг (85.6 × 54 мм) харанхуй тавцан дээр ирмэгт нь хүргэлгүй тавина.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Хадгалах</translation>
        </message>
        <message>
            <source>Store the calibration for this rig; it is applied to every capture.</source>
            <translation>Энэ төхөөрөмжийн тохируулгыг хадгална; бүх зураг авалтад хэрэглэгдэнэ.</translation>
        </message>
    </context>
    <context>
        <name>cases</name>
        <message>
            <source>Case</source>
            <translation>Хэрэг</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Огноо</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Document no.</source>
            <translation>Баримтын №</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Улс</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Төлөв</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Үнэлгээ</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Дүгнэлт</translation>
        </message>
        <message>
            <source>The start of a case reference, a name or a document number</source>
            <translation>Хэргийн дугаар, нэр эсвэл баримт бичгийн дугаарын эхлэл</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Бүх төлөв</translation>
        </message>
        <message>
            <source>Any conclusion</source>
            <translation>Бүх дүгнэлт</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Эхлэх</translation>
        </message>
        <message>
            <source>Review queue</source>
            <translation>Хяналтын дараалал</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Нээх</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Хайх</translation>
        </message>
        <message>
            <source>to</source>
            <translation>хүртэл</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Хайж байна…</translation>
        </message>
        <message>
            <source> (first page; narrow the search)</source>
            <translation> (эхний хуудас; хайлтаа нарийсгана уу)</translation>
        </message>
        <message numerus="yes">
            <source>%n examination(s)</source>
            <translation>
                <numerusform>%n шинжилгээ</numerusform>
                <numerusform>%n шинжилгээ</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>check titles</name>
        <message>
            <source>barcode where the specimen has one</source>
            <translation>жишигт байгаа зураасан код</translation>
        </message>
        <message>
            <source>barcode data against the page</source>
            <translation>зураасан кодын өгөгдөл ба хуудасны харьцуулалт</translation>
        </message>
        <message>
            <source>digital seal signature</source>
            <translation>цахим тамганы гарын үсэг</translation>
        </message>
        <message>
            <source>document matched to a specimen</source>
            <translation>баримт бичгийг жишигтэй тулгасан</translation>
        </message>
        <message>
            <source>lights needed are present</source>
            <translation>шаардлагатай гэрлүүдийн зураг бүрэн</translation>
        </message>
        <message>
            <source>the zones to check are in the image</source>
            <translation>шалгах бүсүүд зурагт багтсан</translation>
        </message>
        <message>
            <source>page size at the capture's dpi</source>
            <translation>зураг авалтын dpi-аар хуудасны хэмжээ</translation>
        </message>
        <message>
            <source>the chip: authentication and agreement with the page</source>
            <translation>чип: баталгаажуулалт ба хуудастай тохирол</translation>
        </message>
        <message>
            <source>dates plausible, document not expired</source>
            <translation>огноонууд үнэмшилтэй, хугацаа дуусаагүй</translation>
        </message>
        <message>
            <source>IR-absorbing print shows under IR</source>
            <translation>ХУТ шингээгч хэвлэл ХУТ-д харагдана</translation>
        </message>
        <message>
            <source>IR-dropout print vanishes under IR</source>
            <translation>ХУТ-д алга болдог хэвлэл ХУТ-д алга болно</translation>
        </message>
        <message>
            <source>MRZ check digits</source>
            <translation>МУБ-ын хяналтын оронгууд</translation>
        </message>
        <message>
            <source>issuing state known</source>
            <translation>олгосон улс мэдэгдэж байна</translation>
        </message>
        <message>
            <source>MRZ against the printed fields</source>
            <translation>МУБ ба хэвлэсэн талбаруудын харьцуулалт</translation>
        </message>
        <message>
            <source>pattern matches the specimen</source>
            <translation>хээ жишигтэй тохирно</translation>
        </message>
        <message>
            <source>portrait not substituted</source>
            <translation>цээж зургийг сольсонгүй</translation>
        </message>
        <message>
            <source>UV-dull substrate</source>
            <translation>ХЯТ-д гэрэлтдэггүй суурь</translation>
        </message>
        <message>
            <source>luminescent features present</source>
            <translation>гэрэлтэгч элементүүд байна</translation>
        </message>
        <message>
            <source>luminescent pattern across the portrait's edge</source>
            <translation>цээж зургийн захаар дамжих гэрэлтэгч хээ</translation>
        </message>
        <message>
            <source>no luminescence where the specimen has none</source>
            <translation>жишигт гэрэлтэлтгүй хэсэгт гэрэлтэлт байхгүй</translation>
        </message>
        <message>
            <source>the chip's data as its issuer signed it (Passive Authentication)</source>
            <translation>чипийн өгөгдөл олгогчийн баталснаар (идэвхгүй баталгаажуулалт)</translation>
        </message>
        <message>
            <source>the chip is no copy (Chip Authentication)</source>
            <translation>чип хуулбар биш (чипийн баталгаажуулалт)</translation>
        </message>
        <message>
            <source>the chip is no copy (Active Authentication)</source>
            <translation>чип хуулбар биш (идэвхтэй баталгаажуулалт)</translation>
        </message>
        <message>
            <source>the chip's MRZ against the printed MRZ</source>
            <translation>чипийн МУБ ба хэвлэсэн МУБ-ын харьцуулалт</translation>
        </message>
        <message>
            <source>the chip's photograph against the printed portrait</source>
            <translation>чипийн зураг ба хэвлэсэн цээж зургийн харьцуулалт</translation>
        </message>
        <message>
            <source>retro-reflective laminate pattern under coaxial light</source>
            <translation>коаксиаль гэрэлд ойлтот ламинатын хээ</translation>
        </message>
        <message>
            <source>security fibres: density and colours</source>
            <translation>хамгаалалтын утас: нягт ба өнгө</translation>
        </message>
        <message>
            <source>ghost image repeats the portrait</source>
            <translation>сүүдэр зураг цээж зургийг давтана</translation>
        </message>
        <message>
            <source>microprint resolved as text</source>
            <translation>бичил хэвлэл бичвэр болж ялгарна</translation>
        </message>
        <message>
            <source>relief under grazing light</source>
            <translation>налуу гэрэлд товгор</translation>
        </message>
        <message>
            <source>watermark and see-through register in transmitted light</source>
            <translation>нэвтрэх гэрэлд усан тэмдэг ба нэвт харагдах давхцал</translation>
        </message>
        <message>
            <source>laser perforation transmits and spells the document number</source>
            <translation>лазер цооролт гэрэл нэвтрүүлж, баримт бичгийн дугаарыг бичнэ</translation>
        </message>
        <message>
            <source>short-wave UV (254 nm) luminescent features present</source>
            <translation>богино долгионы ХЯТ (254 нм)-д гэрэлтэгч элементүүд байна</translation>
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
            <translation>{line}-р мөр ялгаатай</translation>
        </message>
        <message>
            <source>{lines} lines against {other}</source>
            <translation>мөрийн тоо: {lines}, харьцуулсан нь: {other}</translation>
        </message>
        <message>
            <source>barcode {value!r}, MRZ {other!r}</source>
            <translation>зураасан код {value!r}, МУБ {other!r}</translation>
        </message>
        <message>
            <source>the capture holds no chip files (no chip/ folder, no chip read)</source>
            <translation>зураг авалтад чипийн файл алга (chip/ хавтас алга, чип уншаагүй)</translation>
        </message>
        <message>
            <source>the chip/ folder holds no chip files</source>
            <translation>chip/ хавтаст чипийн файл алга</translation>
        </message>
        <message>
            <source>the chip's data cannot be proved: {problems}</source>
            <translation>чипийн өгөгдлийг нотлох боломжгүй: {problems}</translation>
        </message>
        <message>
            <source>no EF.SOD</source>
            <translation>EF.SOD алга</translation>
        </message>
        <message>
            <source>{groups} differs from what the document signer signed: the chip's data was altered</source>
            <translation>{groups} нь баримт бичиг гарын үсэг зурагчийн баталснаас ялгаатай: чипийн өгөгдлийг өөрчилсөн</translation>
        </message>
        <message>
            <source>{groups} differ from what the document signer signed: the chip's data was altered</source>
            <translation>{groups} нь баримт бичиг гарын үсэг зурагчийн баталснаас ялгаатай: чипийн өгөгдлийг өөрчилсөн</translation>
        </message>
        <message>
            <source>the security object's signature does not verify ({algorithm})</source>
            <translation>аюулгүй байдлын объектын гарын үсэг баталгаажихгүй байна ({algorithm})</translation>
        </message>
        <message>
            <source>the document signer ({signer}) was not issued by any trusted CSCA of {country}: unknown signer</source>
            <translation>баримт бичиг гарын үсэг зурагчийг ({signer}) {country} улсын итгэмжлэгдсэн CSCA олгоогүй: үл мэдэгдэх гарын үсэг зурагч</translation>
        </message>
        <message>
            <source>the document signer ({signer}) is revoked</source>
            <translation>баримт бичиг гарын үсэг зурагчийн ({signer}) гэрчилгээг хүчингүй болгосон</translation>
        </message>
        <message>
            <source>hashes and signature verify, but no CSCA of {country} is in the trust store to prove the signer ({signer}): import the master list</source>
            <translation>хэш ба гарын үсэг зөв, гэвч гарын үсэг зурагчийг ({signer}) нотлох {country} улсын CSCA итгэмжлэгдсэн гэрчилгээний санд алга: мастер жагсаалтыг импортлоно уу</translation>
        </message>
        <message>
            <source>{groups} not covered by the security object (unproven)</source>
            <translation>{groups} аюулгүй байдлын объектод хамрагдаагүй (нотлогдоогүй)</translation>
        </message>
        <message>
            <source>{groups} as signed by {signer}, chained to {csca}</source>
            <translation>{groups}: {signer} баталсантай ижил, {csca}-д холбогдоно</translation>
        </message>
        <message>
            <source>the chip does not offer {what}</source>
            <translation>чип дэмждэггүй: {what}</translation>
        </message>
        <message>
            <source>{what} needs the chip itself (these are files read earlier)</source>
            <translation>{what}: чип өөрөө шаардлагатай (эдгээр нь өмнө уншсан файлууд)</translation>
        </message>
        <message>
            <source>{protocol}: {detail}</source>
            <translation>{protocol}: {detail}</translation>
        </message>
        <message>
            <source>the chip offers {what} and failed it: {detail}</source>
            <translation>чип дэмждэг боловч тэнцээгүй — {what}: {detail}</translation>
        </message>
        <message>
            <source>{what}: {detail}</source>
            <translation>{what}: {detail}</translation>
        </message>
        <message>
            <source>the chip's DG1 is unreadable</source>
            <translation>чипийн DG1 уншигдахгүй байна</translation>
        </message>
        <message>
            <source>no DG1 read</source>
            <translation>DG1 уншаагүй</translation>
        </message>
        <message>
            <source>no printed MRZ was read to compare the chip's DG1 with</source>
            <translation>чипийн DG1-тэй харьцуулах хэвлэсэн МУБ уншигдаагүй</translation>
        </message>
        <message>
            <source>the chip's DG1 differs from the printed MRZ in {fields} ({shown})</source>
            <translation>чипийн DG1 хэвлэсэн МУБ-аас ялгаатай: {fields} ({shown})</translation>
        </message>
        <message>
            <source>{field}: chip {chip!r}, page {page!r}</source>
            <translation>{field}: чип {chip!r}, хуудас {page!r}</translation>
        </message>
        <message>
            <source>the chip's DG1 equals the printed MRZ</source>
            <translation>чипийн DG1 хэвлэсэн МУБ-тай ижил</translation>
        </message>
        <message>
            <source>no face image decodes from DG2</source>
            <translation>DG2-оос нүүр царайны зураг задлагдсангүй</translation>
        </message>
        <message>
            <source>no DG2 read</source>
            <translation>DG2 уншаагүй</translation>
        </message>
        <message>
            <source>no printed portrait to compare (no specimen matched and no face found on the page)</source>
            <translation>харьцуулах хэвлэсэн цээж зураг алга (жишиг тохироогүй, хуудсанд нүүр царай олдсонгүй)</translation>
        </message>
        <message>
            <source>the printed portrait is the chip's photograph (similarity {score:.3f})</source>
            <translation>хэвлэсэн цээж зураг чипийн зурагтай ижил хүн (төстэй байдал {score:.3f})</translation>
        </message>
        <message>
            <source>the printed portrait does not look like the chip's photograph (similarity {score:.3f} &lt; {threshold:.2f}): compare the faces side by side</source>
            <translation>хэвлэсэн цээж зураг чипийн зурагтай адилгүй (төстэй байдал {score:.3f} &lt; {threshold:.2f}): нүүр царайг зэрэгцүүлж харьцуулна уу</translation>
        </message>
        <message>
            <source>the printed portrait shows another person than the chip's photograph (identity distance {distance:.2f} &gt;= {identity_threshold:.2f}, similarity {score:.3f}): compare the faces side by side</source>
            <translation>хэвлэсэн цээж зураг чипийн зурагнаас өөр хүнийг харуулж байна (хувийн ялгааны зай {distance:.2f} &gt;= {identity_threshold:.2f}, төстэй байдал {score:.3f}): нүүр царайг зэрэгцүүлж харьцуулна уу</translation>
        </message>
        <message>
            <source>no document found on the platen</source>
            <translation>шилэн тавцан дээр баримт бичиг олдсонгүй</translation>
        </message>
        <message>
            <source>no document found: {reason}</source>
            <translation>баримт бичиг олдсонгүй: {reason}</translation>
        </message>
        <message>
            <source>no specimen in the library fits the document</source>
            <translation>жишгийн санд баримт бичигт тохирох жишиг алга</translation>
        </message>
        <message>
            <source>no specimen in the library fits the document (MRZ: state {state}, code {code}, format {format})</source>
            <translation>жишгийн санд баримт бичигт тохирох жишиг алга (МУБ: улс {state}, код {code}, формат {format})</translation>
        </message>
        <message>
            <source>no specimen matched</source>
            <translation>жишиг тохироогүй</translation>
        </message>
        <message>
            <source>the page does not register onto specimen {specimen}: alignment quality {quality:.2f}, genuine captures reach {needed:.2f} ({basis}); {note}</source>
            <translation>хуудас {specimen} жишигтэй давхцахгүй байна: давхцлын чанар {quality:.2f}, жинхэнэ зураг авалт {needed:.2f} хүрдэг ({basis}); {note}</translation>
        </message>
        <message>
            <source>the MRZ names {specimen}, but the page does not register onto specimen {specimen}: alignment quality {quality:.2f}, genuine captures reach {needed:.2f} ({basis}); {note}</source>
            <translation>МУБ нь {specimen} жишгийг заасан боловч хуудас {specimen} жишигтэй давхцахгүй байна: давхцлын чанар {quality:.2f}, жинхэнэ зураг авалт {needed:.2f} хүрдэг ({basis}); {note}</translation>
        </message>
        <message numerus="yes">
            <source>learned from %n exemplars</source>
            <translation>
                <numerusform>жинхэнэ %n хувиас сурсан</numerusform>
                <numerusform>жинхэнэ %n хувиас сурсан</numerusform>
            </translation>
        </message>
        <message>
            <source>the prior minimum</source>
            <translation>урьдчилсан доод хязгаар</translation>
        </message>
        <message>
            <source>no page edge was found, the whole image was taken as the page</source>
            <translation>хуудасны ирмэг олдсонгүй, зургийг бүхэлд нь хуудас гэж авсан</translation>
        </message>
        <message>
            <source>page finder: {reason}</source>
            <translation>хуудас хайгч: {reason}</translation>
        </message>
        <message>
            <source>the page was found; its print does not match the specimen's</source>
            <translation>хуудас олдсон; түүний хэвлэл жишгийнхтэй тохирохгүй</translation>
        </message>
        <message>
            <source>{title}: {reason}</source>
            <translation>{title}: {reason}</translation>
        </message>
        <message>
            <source>{title}: the capture has no {lights} image</source>
            <translation>{title}: зураг авалтад гэрлийн зураг алга ({lights})</translation>
        </message>
        <message>
            <source>{title}: could not run ({error})</source>
            <translation>{title}: хийгдэж чадсангүй ({error})</translation>
        </message>
        <message>
            <source>compared with specimen {specimen} ({title})</source>
            <translation>{specimen} жишигтэй харьцуулсан ({title})</translation>
        </message>
        <message>
            <source>the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ names state {mrz_state}, code {mrz_code}, format {mrz_format}</source>
            <translation>хуудас {specimen} жишигтэй ({state}, {code}, {format}) тохирох боловч МУБ-д улс {mrz_state}, код {mrz_code}, формат {mrz_format} гэж бичсэн</translation>
        </message>
        <message>
            <source>the page matches specimen {specimen} ({state}, {code}, {format}) but its MRZ names state {mrz_state}, code {mrz_code}, format {mrz_format}, expiring {expiry}</source>
            <translation>хуудас {specimen} жишигтэй ({state}, {code}, {format}) тохирох боловч МУБ-д улс {mrz_state}, код {mrz_code}, формат {mrz_format}, дуусах хугацаа {expiry} гэж бичсэн</translation>
        </message>
        <message>
            <source>the capture has no {lights} image: the checks under that light cannot run</source>
            <translation>зураг авалтад гэрлийн зураг алга ({lights}): тэр гэрлийн шалгалтууд хийгдэхгүй</translation>
        </message>
        <message>
            <source>every light the checks need was captured</source>
            <translation>шалгалтад шаардлагатай бүх гэрэлд зураг авсан</translation>
        </message>
        <message>
            <source>the image shows every zone the specimen checks</source>
            <translation>жишгийн шалгадаг бүх бүс зурагт харагдаж байна</translation>
        </message>
        <message>
            <source>the page lies partly outside the image: {zones} not examined; capture the whole page again</source>
            <translation>хуудасны нэг хэсэг зургаас гадна байна: {zones} шалгагдаагүй; хуудсыг бүтнээр нь дахин авна уу</translation>
        </message>
        <message>
            <source>the capture states no dpi: the page's size was taken from the specimen</source>
            <translation>зураг авалтад dpi заагаагүй: хуудасны хэмжээг жишгээс авсан</translation>
        </message>
        <message>
            <source>the page measures {width:.1f} x {height:.1f} mm at the stated {dpi:g} dpi but the specimen is {spec_width:g} x {spec_height:g} mm: the capture's dpi is wrong or the document is not of this type</source>
            <translation>заасан {dpi:g} dpi-аар хуудас {width:.1f} x {height:.1f} мм, харин жишиг {spec_width:g} x {spec_height:g} мм: зураг авалтын dpi буруу эсвэл баримт бичиг энэ төрлийнх биш</translation>
        </message>
        <message>
            <source>the page measures {width:.1f} x {height:.1f} mm (specimen {spec_width:g} x {spec_height:g} mm)</source>
            <translation>хуудасны хэмжээ {width:.1f} x {height:.1f} мм (жишиг {spec_width:g} x {spec_height:g} мм)</translation>
        </message>
        <message>
            <source>the capture has no {lights} image: the checks under that light cannot run; not captured (optional, their checks skipped): {optional}</source>
            <translation>зураг авалтад гэрлийн зураг алга ({lights}): тэр гэрлийн шалгалтууд хийгдэхгүй; авагдаагүй (заавал биш, шалгалтыг нь алгассан): {optional}</translation>
        </message>
        <message>
            <source>white, UV and IR were captured; not captured (optional, their checks skipped): {optional}</source>
            <translation>цагаан гэрэл, ХЯТ ба ХУТ-д зураг авсан; авагдаагүй (заавал биш, шалгалтыг нь алгассан): {optional}</translation>
        </message>
        <message>
            <source>the capture has no {light} image: this check needs it</source>
            <translation>зураг авалтад гэрлийн зураг алга ({light}): энэ шалгалтад хэрэгтэй</translation>
        </message>
        <message>
            <source>{zone}: {reason}</source>
            <translation>{zone}: {reason}</translation>
        </message>
        <message>
            <source>zone outside the page</source>
            <translation>бүс хуудаснаас гадна байна</translation>
        </message>
        <message>
            <source>zone outside the specimen</source>
            <translation>бүс жишгээс гадна байна</translation>
        </message>
        <message>
            <source>the specimen shows no relief under a lamp near {azimuth:.0f}°</source>
            <translation>{azimuth:.0f}° орчмын чийдэнгийн дор жишигт товгор харагдахгүй</translation>
        </message>
        <message>
            <source>fibres are counted on a colour UV image</source>
            <translation>утсыг өнгөт ХЯТ-ийн зураг дээр тоолно</translation>
        </message>
        <message>
            <source>the specimen shows no fibres in the zone</source>
            <translation>жишгийн энэ бүсэд утас харагдахгүй</translation>
        </message>
        <message>
            <source>the specimen shows no microprint line in the zone</source>
            <translation>жишгийн энэ бүсэд бичил хэвлэлийн мөр харагдахгүй</translation>
        </message>
        <message>
            <source>the specimen's own ghost image does not repeat its {role} (residual {residual:.2f})</source>
            <translation>жишгийн өөрийн сүүдэр зураг түүний {role}-г давтахгүй (үлдэгдэл {residual:.2f})</translation>
        </message>
        <message>
            <source>the microprint (character pitch {pitch:.2f} mm) needs at least {needed:.0f} dpi; the capture has {dpi:.0f} dpi</source>
            <translation>бичил хэвлэлд (үсгийн алхам {pitch:.2f} мм) дор хаяж {needed:.0f} dpi хэрэгтэй; зураг авалт {dpi:.0f} dpi</translation>
        </message>
        <message>
            <source>the specimen has no {role} zone</source>
            <translation>жишигт {role} бүс алга</translation>
        </message>
        <message>
            <source>luminescence is measured on colour images</source>
            <translation>гэрэлтэлтийг өнгөт зураг дээр хэмжинэ</translation>
        </message>
        <message>
            <source>the specimen marks no relief</source>
            <translation>жишигт товгор тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: no relief under grazing light ({light}): a flat print</source>
            <translation>{zone}: налуу гэрэлд товгор алга ({light}): хавтгай хэвлэл</translation>
        </message>
        <message>
            <source>{zone}: the shading under {light} does not match the specimen's for that lamp direction: other relief, or shading that does not turn with the lamp</source>
            <translation>{zone}: {light}-ийн дорх сүүдэр тэр чийдэнгийн чиглэлд жишгийнхтэй тохирохгүй: өөр товгор, эсвэл чийдэнтэй хамт эргэдэггүй сүүдэр</translation>
        </message>
        <message>
            <source>{zone}: relief present under {lamps}, turning with the lamp</source>
            <translation>{zone}: {lamps}-д товгор байна, чийдэнтэй хамт эргэнэ</translation>
        </message>
        <message>
            <source>{zone}: relief present under {lamps} (one lamp direction only: the capture has no second oblique light)</source>
            <translation>{zone}: {lamps}-д товгор байна (зөвхөн нэг чиглэл: зураг авалтад хоёр дахь налуу гэрэл алга)</translation>
        </message>
        <message>
            <source>{light} ({azimuth}°)</source>
            <translation>{light} ({azimuth}°)</translation>
        </message>
        <message>
            <source>the specimen marks no watermark</source>
            <translation>жишигт усан тэмдэг тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: the pattern shows in reflected light: printed on the surface, not in the paper</source>
            <translation>{zone}: хээ ойсон гэрэлд харагдана: цаасан дотор биш, гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>{zone}: the light through the sheet does not show the specimen's pattern</source>
            <translation>{zone}: хуудсаар нэвтэрсэн гэрэлд жишгийн хээ харагдахгүй</translation>
        </message>
        <message>
            <source>{zone}: shows through the sheet as the specimen's, not on its surface</source>
            <translation>{zone}: жишгийнх шиг хуудсаар нэвт харагдана, гадаргуу дээр биш</translation>
        </message>
        <message>
            <source>the specimen marks no perforation</source>
            <translation>жишигт цооролт тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: no perforation: neither holes nor dots</source>
            <translation>{zone}: цооролт алга: нүх ч, цэг ч байхгүй</translation>
        </message>
        <message>
            <source>{zone}: the dots let no light through: printed, not punched</source>
            <translation>{zone}: цэгүүд гэрэл нэвтрүүлэхгүй: цоолоогүй, хэвлэсэн</translation>
        </message>
        <message>
            <source>{zone}: the holes let the light through (read {read!r}; no MRZ {field} to compare)</source>
            <translation>{zone}: нүхнүүд гэрэл нэвтрүүлнэ (уншсан нь {read!r}; харьцуулах МУБ-ийн {field} алга)</translation>
        </message>
        <message>
            <source>{zone}: punched, transmitting, and spells {printed} as the MRZ does</source>
            <translation>{zone}: цоолсон, гэрэл нэвтрүүлнэ, МУБ-ийн адил {printed} гэж бичнэ</translation>
        </message>
        <message>
            <source>{zone}: spells {read!r} but the MRZ's {field} is {printed}</source>
            <translation>{zone}: {read!r} гэж бичсэн боловч МУБ-ийн {field} нь {printed}</translation>
        </message>
        <message>
            <source>{zone}: the holes transmit but could not be read with confidence (read {read!r}, {confidence:.0%}) to compare with {printed}</source>
            <translation>{zone}: нүхнүүд гэрэл нэвтрүүлэх боловч {printed}-тэй харьцуулахаар итгэлтэй уншигдсангүй (уншсан нь {read!r}, {confidence:.0%})</translation>
        </message>
        <message>
            <source>the specimen marks no retro-reflective laminate</source>
            <translation>жишигт ойлтот ламинат тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: coaxial light does not show the specimen's laminate pattern: a plain laminate or none</source>
            <translation>{zone}: коаксиаль гэрэлд жишгийн ламинатын хээ харагдахгүй: энгийн ламинат эсвэл ламинатгүй</translation>
        </message>
        <message>
            <source>{zone}: the laminate's pattern shows under coaxial light</source>
            <translation>{zone}: коаксиаль гэрэлд ламинатын хээ харагдана</translation>
        </message>
        <message>
            <source>the specimen marks no short-wave UV feature</source>
            <translation>жишигт богино долгионы ХЯТ-ийн элемент тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: does not glow under UV 254 nm</source>
            <translation>{zone}: ХЯТ 254 нм-д гэрэлтэхгүй</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm in another pattern</source>
            <translation>{zone}: ХЯТ 254 нм-д өөр хээгээр гэрэлтэнэ</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm in another colour</source>
            <translation>{zone}: ХЯТ 254 нм-д өөр өнгөөр гэрэлтэнэ</translation>
        </message>
        <message>
            <source>{zone}: glows under UV 254 nm with the specimen's pattern and colour</source>
            <translation>{zone}: ХЯТ 254 нм-д жишгийн хээ, өнгөөр гэрэлтэнэ</translation>
        </message>
        <message>
            <source>the specimen marks no fibres</source>
            <translation>жишигт утас тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: {density:.2f} fibres per cm² ({count} found), outside the specimen's range</source>
            <translation>{zone}: см² тутамд {density:.2f} утас ({count} олдсон), жишгийн хязгаараас гадна</translation>
        </message>
        <message>
            <source>{zone}: the fibres' colours differ from the specimen's mix</source>
            <translation>{zone}: утаснуудын өнгө жишгийн холимогоос өөр</translation>
        </message>
        <message>
            <source>{zone}: the fibres glow as brightly over print as on bare paper: printed on the surface, not in the paper</source>
            <translation>{zone}: утас хэвлэл дээр ч, хоосон цаасан дээр ч адил тод гэрэлтэнэ: цаасан дотор биш, гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>{zone}: {count} fibres ({density:.2f} per cm²) in the specimen's colours, embedded in the paper</source>
            <translation>{zone}: жишгийн өнгөтэй {count} утас (см² тутамд {density:.2f}), цаасан дотор шингэсэн</translation>
        </message>
        <message>
            <source>the specimen marks no ghost image</source>
            <translation>жишигт сүүдэр зураг тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: does not repeat the {of}: another face, or the {of} was replaced</source>
            <translation>{zone}: «{of}»-ийг давтахгүй: өөр царай, эсвэл «{of}»-ийг сольсон</translation>
        </message>
        <message>
            <source>{zone}: repeats the {of}</source>
            <translation>{zone}: «{of}»-ийг давтана</translation>
        </message>
        <message>
            <source>the specimen marks no microprint</source>
            <translation>жишигт бичил хэвлэл тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: the microprint is not resolved (a plain or blurred line): copied or reprinted</source>
            <translation>{zone}: бичил хэвлэл ялгарахгүй (энгийн эсвэл бүдэг зураас): хуулсан эсвэл дахин хэвлэсэн</translation>
        </message>
        <message>
            <source>{zone}: the microprint is resolved at {dpi:.0f} dpi</source>
            <translation>{zone}: бичил хэвлэл {dpi:.0f} dpi-д ялгарна</translation>
        </message>
        <message>
            <source>{zone}: the line looks like the specimen's at {dpi:.0f} dpi, but its letters (pitch {pitch:.2f} mm) need at least {needed:.0f} dpi: at this density a halftone reprint looks the same</source>
            <translation>{zone}: {dpi:.0f} dpi-д зураас жишгийнхтэй адил харагдана, гэхдээ үсгүүдэд нь (алхам {pitch:.2f} мм) дор хаяж {needed:.0f} dpi хэрэгтэй: энэ нягтад растр дахин хэвлэлт ижил харагдана</translation>
        </message>
        <message>
            <source>{zone}: the line looks like the specimen's, but the specimen's image ({dpi:.0f} dpi) does not show the letters (pitch {pitch:.2f} mm, {needed:.0f} dpi needed): a halftone reprint cannot be told apart</source>
            <translation>{zone}: зураас жишгийнхтэй адил харагдана, гэхдээ жишгийн зураг ({dpi:.0f} dpi) үсгүүдийг харуулахгүй (алхам {pitch:.2f} мм, {needed:.0f} dpi хэрэгтэй): растр дахин хэвлэлтийг ялгах боломжгүй</translation>
        </message>
        <message>
            <source>{zone}: its content is the holder's, not compared with the specimen's</source>
            <translation>{zone}: агуулга нь эзэмшигчийнх тул жишигтэй харьцуулаагүй</translation>
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
                <numerusform>жинхэнэ %n хувиас сурсан: {range}</numerusform>
                <numerusform>жинхэнэ %n хувиас сурсан: {range}</numerusform>
            </translation>
        </message>
        <message>
            <source>prior (too few exemplars): {range}</source>
            <translation>урьдчилсан утга (хувь хэт цөөн): {range}</translation>
        </message>
        <message>
            <source>not judged (nothing learned, no prior)</source>
            <translation>үнэлээгүй (юу ч сураагүй, урьдчилсан утга байхгүй)</translation>
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
            <translation>&gt;= {lo:.3g} ба &lt;= {hi:.3g}</translation>
        </message>
        <message>
            <source>no bare substrate found on the page</source>
            <translation>хуудсанд хэвлэлгүй суурь олдсонгүй</translation>
        </message>
        <message>
            <source>the substrate glows under UV ({score:.2f} of its white-light brightness): not UV-dull security paper</source>
            <translation>суурь ХЯТ-д гэрэлтэж байна (цагаан гэрлийн гэрэлтэлтийн {score:.2f}): ХЯТ-д гэрэлтдэггүй хамгаалалттай цаас биш</translation>
        </message>
        <message>
            <source>substrate shows no luminescence</source>
            <translation>суурь гэрэлтэхгүй байна</translation>
        </message>
        <message>
            <source>the specimen marks no UV-dull zone</source>
            <translation>жишигт ХЯТ-д гэрэлтдэггүй бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: glows under UV ({score:.1f}x the specimen's substrate): not UV-dull security paper</source>
            <translation>{zone}: ХЯТ-д гэрэлтэж байна (жишгийн суурийн {score:.1f} дахин): ХЯТ-д гэрэлтдэггүй хамгаалалттай цаас биш</translation>
        </message>
        <message>
            <source>{zone}: substrate shows no luminescence</source>
            <translation>{zone}: суурь гэрэлтэхгүй байна</translation>
        </message>
        <message>
            <source>{zone}: glows under UV unlike the specimen's genuine exemplars: not UV-dull security paper</source>
            <translation>{zone}: жишгийн жинхэнэ хувиудаас ялгаатай нь ХЯТ-д гэрэлтэж байна: ХЯТ-д гэрэлтдэггүй хамгаалалттай цаас биш</translation>
        </message>
        <message>
            <source>the specimen marks no luminescent zone</source>
            <translation>жишигт гэрэлтэгч бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>zone outside the page or UV image not in colour</source>
            <translation>бүс хуудаснаас гадна, эсвэл ХЯТ-ийн зураг өнгөт биш</translation>
        </message>
        <message>
            <source>{zone}: missing or wrong under UV ({problems})</source>
            <translation>{zone}: ХЯТ-д алга эсвэл буруу ({problems})</translation>
        </message>
        <message>
            <source>glows at {ratio:.0%} of the specimen's strength</source>
            <translation>жишгийн гэрэлтэлтийн {ratio:.0%}-тай тэнцүү гэрэлтэнэ</translation>
        </message>
        <message>
            <source>pattern correlates {correlation:.2f} with the specimen's</source>
            <translation>хээний жишигтэй хамаарал {correlation:.2f}</translation>
        </message>
        <message>
            <source>colour off by {hue:.0f}°</source>
            <translation>өнгө {hue:.0f}° зөрүүтэй</translation>
        </message>
        <message>
            <source>{zone}: present with the specimen's pattern and colour</source>
            <translation>{zone}: жишгийн хээ, өнгөтэй байна</translation>
        </message>
        <message>
            <source>{zone}: missing or wrong under UV</source>
            <translation>{zone}: ХЯТ-д алга эсвэл буруу</translation>
        </message>
        <message>
            <source>{zone}: present as in the specimen's genuine exemplars</source>
            <translation>{zone}: жишгийн жинхэнэ хувиудынх шиг байна</translation>
        </message>
        <message>
            <source>no luminescent zone of the specimen crosses the portrait's edge</source>
            <translation>жишгийн гэрэлтэгч бүс цээж зургийн захыг огтлохгүй</translation>
        </message>
        <message>
            <source>the specimen's pattern does not reach both sides of the portrait's edge</source>
            <translation>жишгийн хээ цээж зургийн захын хоёр талд хүрэхгүй</translation>
        </message>
        <message>
            <source>{zone}: the luminescent pattern is missing</source>
            <translation>{zone}: гэрэлтэгч хээ алга</translation>
        </message>
        <message>
            <source>{zone}: the luminescent pattern stops at the portrait's edge ({inside:.0%} inside vs {outside:.0%} outside): portrait replaced?</source>
            <translation>{zone}: гэрэлтэгч хээ цээж зургийн захад тасарна (дотор {inside:.0%}, гадна {outside:.0%}): зураг сольсон уу?</translation>
        </message>
        <message>
            <source>{zone}: the pattern runs on across the portrait's edge</source>
            <translation>{zone}: хээ цээж зургийн захаар тасралтгүй үргэлжилнэ</translation>
        </message>
        <message>
            <source>{area:.0f} mm² glow under UV where the specimen has no luminescence</source>
            <translation>жишигт гэрэлтэлтгүй хэсэгт {area:.0f} мм² талбай ХЯТ-д гэрэлтэнэ</translation>
        </message>
        <message>
            <source>{area:.0f} mm² glow under UV where the specimen has no luminescence (at {zone})</source>
            <translation>жишигт гэрэлтэлтгүй хэсэгт {area:.0f} мм² талбай ХЯТ-д гэрэлтэнэ (бүс: {zone})</translation>
        </message>
        <message>
            <source>no luminescence outside the specimen's luminescent features</source>
            <translation>жишгийн гэрэлтэгч элементүүдээс гадна гэрэлтэлт алга</translation>
        </message>
        <message>
            <source>no MRZ located: its IR contrast cannot be measured</source>
            <translation>МУБ олдсонгүй: түүний ХУТ-ийн тодролыг хэмжих боломжгүй</translation>
        </message>
        <message>
            <source>the MRZ region is too small</source>
            <translation>МУБ-ын хэсэг хэт жижиг</translation>
        </message>
        <message>
            <source>{zone}: no print found in the zone</source>
            <translation>{zone}: бүсэд хэвлэл олдсонгүй</translation>
        </message>
        <message>
            <source>{zone}: fades under IR ({ratio:.0%} of its white-light contrast): not printed in IR-absorbing ink</source>
            <translation>{zone}: ХУТ-д бүдгэрнэ (цагаан гэрлийн тодролын {ratio:.0%}): ХУТ шингээгч бэхээр хэвлээгүй</translation>
        </message>
        <message>
            <source>{zone}: shows with contrast under IR</source>
            <translation>{zone}: ХУТ-д тод харагдана</translation>
        </message>
        <message>
            <source>{zone}: its print fades under IR unlike the specimen's genuine exemplars: not printed in IR-absorbing ink</source>
            <translation>{zone}: жишгийн жинхэнэ хувиудаас ялгаатай нь хэвлэл ХУТ-д бүдгэрнэ: ХУТ шингээгч бэхээр хэвлээгүй</translation>
        </message>
        <message>
            <source>the specimen marks no IR-visible zone</source>
            <translation>жишигт ХУТ-д харагдах бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>the specimen marks no invisible zone</source>
            <translation>жишигт ХУТ-д алга болдог бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: shows structure under {light} where the specimen's print drops out</source>
            <translation>{zone}: жишгийн хэвлэл алга болдог газарт бүтэц харагдана (гэрэл: {light})</translation>
        </message>
        <message>
            <source>{zone}: drops out under {light} as it should</source>
            <translation>{zone}: ёсоороо алга болно (гэрэл: {light})</translation>
        </message>
        <message>
            <source>the specimen marks no zone to match</source>
            <translation>жишигт тулгах бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>zone outside the page or too small to compare</source>
            <translation>бүс хуудаснаас гадна, эсвэл харьцуулахад хэт жижиг</translation>
        </message>
        <message>
            <source>{zone}: the pattern differs from the specimen's (similarity {score:.2f})</source>
            <translation>{zone}: хээ жишгийнхээс ялгаатай (төстэй байдал {score:.2f})</translation>
        </message>
        <message>
            <source>{zone}: matches the specimen</source>
            <translation>{zone}: жишигтэй тохирно</translation>
        </message>
        <message>
            <source>{zone}: the print differs from the specimen's genuine exemplars (redrawn, or copied and reprinted)</source>
            <translation>{zone}: хэвлэл жишгийн жинхэнэ хувиудаас ялгаатай (дахин зурсан, эсвэл хуулж дахин хэвлэсэн)</translation>
        </message>
        <message>
            <source>the specimen marks no portrait</source>
            <translation>жишигт цээж зураг тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{zone}: the specimen has learned nothing of the paper and print around the portrait to compare with</source>
            <translation>{zone}: жишиг цээж зургийн эргэн тойрны цаас, хэвлэлийн талаар юу ч сураагүй тул харьцуулах зүйлгүй</translation>
        </message>
        <message>
            <source>{zone}: the paper glows differently under UV inside the portrait's border than around it (a photo on other paper pasted in?)</source>
            <translation>{zone}: цээж зургийн хүрээн доторх цаас ХЯТ-д эргэн тойрныхоосоо өөрөөр гэрэлтэж байна (өөр цаасан дээрх зураг наасан уу?)</translation>
        </message>
        <message>
            <source>{zone}: the paper's UV response continues across the portrait's border</source>
            <translation>{zone}: цаасны ХЯТ-д гэрэлтэх байдал цээж зургийн хүрээн дээр өөрчлөгдөхгүй</translation>
        </message>
        <message>
            <source>{zone}: the UV print across the portrait sits elsewhere inside it than around it (a portrait cut out of another document?)</source>
            <translation>{zone}: цээж зургийг дайран гарсан ХЯТ хэвлэл зургийн дотор эргэн тойрныхоосоо өөр байрлалтай байна (өөр баримт бичгээс зургийг хайчилж авсан уу?)</translation>
        </message>
        <message>
            <source>{zone}: the UV print across the portrait continues in register across its border</source>
            <translation>{zone}: цээж зургийг дайран гарсан ХЯТ хэвлэл зургийн хүрээний хоёр талд зөрөлгүй үргэлжилж байна</translation>
        </message>
        <message>
            <source>no MRZ could be read on the page</source>
            <translation>хуудсан дээрх МУБ-ыг уншиж чадсангүй</translation>
        </message>
        <message numerus="yes">
            <source>the text read (%n line(s)) fits no MRZ layout</source>
            <translation>
                <numerusform>уншсан текст (%n мөр) МУБ-ын ямар ч бүтэцтэй тохирохгүй</numerusform>
                <numerusform>уншсан текст (%n мөр) МУБ-ын ямар ч бүтэцтэй тохирохгүй</numerusform>
            </translation>
        </message>
        <message>
            <source>{reason}, but the {specimen} specimen has a {format} MRZ</source>
            <translation>{reason}, гэвч {specimen} жишигт {format} МУБ байна</translation>
        </message>
        <message numerus="yes">
            <source>all %n check digits of the {format} MRZ verify</source>
            <translation>
                <numerusform>{format} МУБ-ын %n хяналтын орон бүгд зөв</numerusform>
                <numerusform>{format} МУБ-ын %n хяналтын орон бүгд зөв</numerusform>
            </translation>
        </message>
        <message>
            <source>MRZ check digit wrong: {what}</source>
            <translation>МУБ-ын хяналтын орон буруу: {what}</translation>
        </message>
        <message>
            <source>the MRZ lies partly outside the image and was not read (the {specimen} specimen has one there): capture the whole page again</source>
            <translation>МУБ-ын нэг хэсэг зургаас гадна байгаа тул уншаагүй ({specimen} жишигт тэнд МУБ бий): хуудсыг бүтнээр нь дахин авна уу</translation>
        </message>
        <message>
            <source>the MRZ reaches the edge of the image and its characters there may be cut; not verified on what the image shows: {what}. Capture the whole page again</source>
            <translation>МУБ зургийн ирмэгт тулж байгаа тул тэнд байгаа тэмдэгтүүд тасарсан байж болно; зурагт харагдаж буйгаар баталгаажаагүй: {what}. Хуудсыг бүтнээр нь дахин авна уу</translation>
        </message>
        <message>
            <source>MRZ check digit wrong: {what}; as printed ({undone})</source>
            <translation>МУБ-ын хяналтын орон буруу: {what}; хэвлэснээрээ ({undone})</translation>
        </message>
        <message>
            <source>characters outside the MRZ set</source>
            <translation>МУБ-ын тэмдэгтийн багцад ороогүй тэмдэгт</translation>
        </message>
        <message>
            <source>line {line} position {position} reads {read!r} clearly, the reader would change it to {to!r}</source>
            <translation>{line}-р мөрийн {position}-р байрлалд {read!r} тод уншигдана, уншигч үүнийг {to!r} болгож засах байсан</translation>
        </message>
        <message>
            <source>issuing state {state} is known</source>
            <translation>олгосон улс {state} мэдэгдэж байна</translation>
        </message>
        <message>
            <source>issuing state {state!r} is neither an ICAO code nor a state of the specimen library</source>
            <translation>олгосон улс {state!r} нь ИКАО-гийн код ч биш, жишгийн сангийн улс ч биш</translation>
        </message>
        <message>
            <source>the specimen marks no printed fields the MRZ also holds</source>
            <translation>жишигт МУБ-д бас байдаг хэвлэсэн талбар тэмдэглээгүй</translation>
        </message>
        <message>
            <source>{field}: the printed field could not be read ({reason})</source>
            <translation>{field}: хэвлэсэн талбарыг уншиж чадсангүй ({reason})</translation>
        </message>
        <message>
            <source>{field}: printed field agrees with the MRZ</source>
            <translation>{field}: хэвлэсэн талбар МУБ-тай тохирно</translation>
        </message>
        <message>
            <source>{field}: printed field disagrees with the MRZ ({why})</source>
            <translation>{field}: хэвлэсэн талбар МУБ-тай зөрнө ({why})</translation>
        </message>
        <message>
            <source>date of birth {value!r} is not a date</source>
            <translation>төрсөн огноо {value!r} огноо биш</translation>
        </message>
        <message>
            <source>date of expiry {value!r} is not a date</source>
            <translation>дуусах хугацаа {value!r} огноо биш</translation>
        </message>
        <message>
            <source>born in the future ({date})</source>
            <translation>ирээдүйд төрсөн ({date})</translation>
        </message>
        <message>
            <source>holder older than {years} years</source>
            <translation>эзэмшигчийн нас {years}-аас их</translation>
        </message>
        <message>
            <source>expires before the holder's birth</source>
            <translation>эзэмшигч төрөхөөс өмнө хугацаа дуусна</translation>
        </message>
        <message>
            <source>issued ({date}) after it expires</source>
            <translation>хугацаа дууссаны дараа олгосон ({date})</translation>
        </message>
        <message>
            <source>issued in the future ({date})</source>
            <translation>ирээдүйд олгосон ({date})</translation>
        </message>
        <message>
            <source>issued before the holder's birth</source>
            <translation>эзэмшигч төрөхөөс өмнө олгосон</translation>
        </message>
        <message>
            <source>issued ({date}) outside the {series} series' validity</source>
            <translation>{series} цувралын хүчинтэй хугацаанаас гадуур олгосон ({date})</translation>
        </message>
        <message>
            <source>expires ({date}) before the {series} series was first issued ({first})</source>
            <translation>{series} цувралыг анх олгохоос ({first}) өмнө хугацаа дуусна ({date})</translation>
        </message>
        <message>
            <source>the document expired on {date} (validity, not authenticity)</source>
            <translation>баримт бичгийн хугацаа {date}-нд дууссан (хүчинтэй эсэх, жинхэнэ эсэх биш)</translation>
        </message>
        <message>
            <source>dates plausible; valid until {date}</source>
            <translation>огноонууд үнэмшилтэй; {date} хүртэл хүчинтэй</translation>
        </message>
        <message>
            <source>{zone}: the specimen has it on the {face}, which was not captured — turn the document over and capture it</source>
            <translation>{zone}: жишигт энэ нь өөр талд байгаа (тал: {face}), тэр талын зураг аваагүй — баримт бичгийг эргүүлж зураг авна уу</translation>
        </message>
        <message>
            <source>{zone}: a {format} is there, but it carries {kind}</source>
            <translation>{zone}: {format} байгаа боловч агуулга нь: {kind}</translation>
        </message>
        <message>
            <source>no recognised data</source>
            <translation>танигдах өгөгдөл алга</translation>
        </message>
        <message numerus="yes">
            <source>{zone}: {format} decoded (%n bytes) on the {face}</source>
            <translation>
                <numerusform>{zone}: {format} уншигдлаа (%n байт), тал: {face}</numerusform>
                <numerusform>{zone}: {format} уншигдлаа (%n байт), тал: {face}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{zone}: the {face}'s page could not be placed to look for it (%n symbol(s) decoded elsewhere)</source>
            <translation>
                <numerusform>{zone}: хайхын тулд хуудсыг байршуулж чадсангүй (тал: {face}; бусад газарт %n код уншигдсан)</numerusform>
                <numerusform>{zone}: хайхын тулд хуудсыг байршуулж чадсангүй (тал: {face}; бусад газарт %n код уншигдсан)</numerusform>
            </translation>
        </message>
        <message>
            <source>{zone}: print is there but no symbol decodes (damaged, defocused, or not a valid encoding)</source>
            <translation>{zone}: хэвлэл байгаа ч код уншигдахгүй (гэмтсэн, бүдэг, эсвэл буруу кодчилол)</translation>
        </message>
        <message>
            <source>{zone}: nothing is printed where the specimen has a barcode</source>
            <translation>{zone}: жишигт зураасан код байгаа газарт юу ч хэвлээгүй</translation>
        </message>
        <message>
            <source>{format} on the {face}: starts like AAMVA card data but cannot be read ({error})</source>
            <translation>{format} ({face}): AAMVA картын өгөгдөл шиг эхэлсэн боловч уншигдахгүй ({error})</translation>
        </message>
        <message>
            <source>{source} ({format}, {face})</source>
            <translation>{source} ({format}, {face})</translation>
        </message>
        <message>
            <source>{where}: neither an MRZ nor printed fields were read to compare it with</source>
            <translation>{where}: харьцуулах МУБ ч, хэвлэсэн талбар ч уншигдаагүй</translation>
        </message>
        <message>
            <source>{where} disagrees with the page: {what}</source>
            <translation>{where} хуудастай зөрнө: {what}</translation>
        </message>
        <message>
            <source>{field} against the {against}</source>
            <translation>{field} — харьцуулсан нь: {against}</translation>
        </message>
        <message>
            <source>{field} against the {against}: {why}</source>
            <translation>{field} — харьцуулсан нь: {against}: {why}</translation>
        </message>
        <message numerus="yes">
            <source>{where}: %n field(s) agree with the {against}</source>
            <translation>
                <numerusform>{where}: %n талбар тохирно ({against})</numerusform>
                <numerusform>{where}: %n талбар тохирно ({against})</numerusform>
            </translation>
        </message>
        <message>
            <source>{first} and {second}</source>
            <translation>{first} ба {second}</translation>
        </message>
        <message>
            <source>digital seal ({face}): {message}</source>
            <translation>цахим тамга ({face}): {message}</translation>
        </message>
    </context>
    <context>
        <name>checks panel</name>
        <message>
            <source>Failed</source>
            <translation>Тэнцээгүй</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Анхааруулга</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Тэнцсэн</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Алгассан</translation>
        </message>
        <message>
            <source>Select a check to see its evidence</source>
            <translation>Нотлох баримтыг харахын тулд шалгалтыг сонгоно уу</translation>
        </message>
        <message>
            <source>No examination yet</source>
            <translation>Шинжилгээ хараахан хийгээгүй</translation>
        </message>
        <message>
            <source>Chip</source>
            <translation>Чип</translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) — {failed} failed, {warnings} warnings, {passed} passed</source>
            <translation>
                <numerusform>%n шалгалт — {failed} тэнцээгүй, {warnings} анхааруулга, {passed} тэнцсэн</numerusform>
                <numerusform>%n шалгалт — {failed} тэнцээгүй, {warnings} анхааруулга, {passed} тэнцсэн</numerusform>
            </translation>
        </message>
        <message>
            <source>score {score}</source>
            <translation>үзүүлэлт {score}</translation>
        </message>
        <message>
            <source>(threshold {threshold})</source>
            <translation>(босго {threshold})</translation>
        </message>
    </context>
    <context>
        <name>chip details</name>
        <message>
            <source>the chip signed the challenge with the DG15 key</source>
            <translation>чип DG15 түлхүүрээр сорилтод гарын үсэг зурсан</translation>
        </message>
        <message>
            <source>the chip's signature does not verify with the DG15 key (a clone?)</source>
            <translation>чипийн гарын үсэг DG15 түлхүүрээр баталгаажихгүй (хуулбар уу?)</translation>
        </message>
        <message>
            <source>the chip derived the session keys from the DG14 key</source>
            <translation>чип DG14 түлхүүрээс сессийн түлхүүрүүдийг гаргасан</translation>
        </message>
        <message>
            <source>no secure messaging</source>
            <translation>хамгаалалттай харилцаа алга</translation>
        </message>
        <message>
            <source>degenerate shared secret</source>
            <translation>доройтсон хуваалцсан нууц</translation>
        </message>
        <message>
            <source>not offered by the chip</source>
            <translation>чип дэмждэггүй</translation>
        </message>
    </context>
    <context>
        <name>chip panel</name>
        <message>
            <source>Passive Authentication (the data as signed)</source>
            <translation>Идэвхгүй баталгаажуулалт (гарын үсэг зурсан мэдээлэл)</translation>
        </message>
        <message>
            <source>Chip Authentication (the chip is not a copy)</source>
            <translation>Чипийн баталгаажуулалт (чип хуулбар биш)</translation>
        </message>
        <message>
            <source>Active Authentication (the chip is not a copy)</source>
            <translation>Идэвхтэй баталгаажуулалт (чип хуулбар биш)</translation>
        </message>
        <message>
            <source>The chip's MRZ (DG1) against the printed MRZ</source>
            <translation>Чипийн МУБ (DG1) ба хэвлэсэн МУБ</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2) against the printed portrait</source>
            <translation>Чипийн зураг (DG2) ба хэвлэсэн цээж зураг</translation>
        </message>
        <message>
            <source>Access control</source>
            <translation>Хандалтын хяналт</translation>
        </message>
        <message>
            <source>files read elsewhere: no record of how the chip was opened</source>
            <translation>файлуудыг өөр газар уншсан: чипийг хэрхэн нээсэн бүртгэл алга</translation>
        </message>
        <message>
            <source>opened with {protocol}</source>
            <translation>{protocol}-ээр нээсэн</translation>
        </message>
        <message>
            <source>Simulated chip reader</source>
            <translation>Загвар уншигч</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Тэнцсэн</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Тэнцээгүй</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Анхааруулга</translation>
        </message>
        <message>
            <source>Not run</source>
            <translation>Хийгээгүй</translation>
        </message>
        <message>
            <source>The document's chip</source>
            <translation>Баримт бичгийн чип</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>Карт уншигч</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Шинэчлэх</translation>
        </message>
        <message>
            <source>Look for card readers again</source>
            <translation>Карт уншигчийг дахин хайх</translation>
        </message>
        <message>
            <source>Access number</source>
            <translation>Хандалтын дугаар</translation>
        </message>
        <message>
            <source>CAN, only when no MRZ was read</source>
            <translation>CAN, зөвхөн МУБ уншигдаагүй үед</translation>
        </message>
        <message>
            <source>Read chip   (F9)</source>
            <translation>Чип унших   (F9)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Цуцлах</translation>
        </message>
        <message>
            <source>Not read yet. The chip is opened with the MRZ read on the page.</source>
            <translation>Хараахан уншаагүй. Чипийг хуудаснаас уншсан МУБ-аар нээнэ.</translation>
        </message>
        <message>
            <source>What was read</source>
            <translation>Юу уншсан</translation>
        </message>
        <message>
            <source>Authentication and comparison</source>
            <translation>Баталгаажуулалт ба харьцуулалт</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2)</source>
            <translation>Чипийн зураг (DG2)</translation>
        </message>
        <message>
            <source>Compare with the printed portrait</source>
            <translation>Хэвлэсэн цээж зурагтай харьцуулах</translation>
        </message>
        <message>
            <source>Side by side: the printed portrait and the chip's photograph at one scale</source>
            <translation>Зэрэгцүүлэх: хэвлэсэн цээж зураг ба чипийн зураг нэг масштабаар</translation>
        </message>
        <message>
            <source>Nothing read yet.</source>
            <translation>Юу ч уншаагүй байна.</translation>
        </message>
        <message>
            <source>No photograph on the chip (or it does not decode).</source>
            <translation>Чипэнд зураг алга (эсвэл тайлагдахгүй байна).</translation>
        </message>
        <message>
            <source>The chip's own verification; the examination adds the face comparison.</source>
            <translation>Чипийн өөрийн шалгалт; шинжилгээ нүүрний харьцуулалтыг нэмнэ.</translation>
        </message>
        <message>
            <source>Reading the chip was cancelled.</source>
            <translation>Чип уншихыг цуцалсан.</translation>
        </message>
        <message>
            <source>Open the chip with the page's MRZ (or the access number) and read it (F9)</source>
            <translation>Хуудасны МУБ (эсвэл хандалтын дугаар)-аар чипийг нээж унших (F9)</translation>
        </message>
        <message>
            <source>Read with {protocol}</source>
            <translation>{protocol}-ээр уншсан</translation>
        </message>
        <message>
            <source>Chip files from the capture</source>
            <translation>Зураг авалтын чипийн файлууд</translation>
        </message>
    </context>
    <context>
        <name>codes</name>
        <message>
            <source>several specimens fit equally well (look-alikes): the examiner chooses one</source>
            <translation>хэд хэдэн жишиг адил тохирч байна (ижил төстэй): шинжээч аль нэгийг сонгоно</translation>
        </message>
        <message>
            <source>the chip's data is as its document signer signed it, and the signer chains to a trusted CSCA</source>
            <translation>чипийн өгөгдөл баримт бичиг гарын үсэг зурагчийн баталсантай ижил бөгөөд гарын үсэг зурагч итгэмжлэгдсэн CSCA-д холбогдоно</translation>
        </message>
        <message>
            <source>a data group differs from what the document signer signed</source>
            <translation>өгөгдлийн бүлэг гарын үсэг зурагчийн баталснаас өөр</translation>
        </message>
        <message>
            <source>the security object's signature does not verify</source>
            <translation>аюулгүй байдлын объектын гарын үсэг баталгаажихгүй байна</translation>
        </message>
        <message>
            <source>a CSCA of the country is trusted but did not sign the document signer</source>
            <translation>тухайн улсын CSCA итгэмжлэгдсэн боловч гарын үсэг зурагчийн гэрчилгээг олгоогүй</translation>
        </message>
        <message>
            <source>the signer's country is not the issuing state of the MRZ</source>
            <translation>гарын үсэг зурагчийн улс МУБ-ын олгосон улстай таарахгүй</translation>
        </message>
        <message>
            <source>the document signer's certificate is revoked</source>
            <translation>баримт бичиг гарын үсэг зурагчийн гэрчилгээг хүчингүй болгосон</translation>
        </message>
        <message>
            <source>the chip holds no readable security object</source>
            <translation>чипэд уншигдах аюулгүй байдлын объект алга</translation>
        </message>
        <message>
            <source>no CSCA of the country is in the trust store</source>
            <translation>итгэмжлэгдсэн гэрчилгээний санд тухайн улсын CSCA алга</translation>
        </message>
        <message>
            <source>a data group read is not covered by the security object</source>
            <translation>уншсан өгөгдлийн бүлэг аюулгүй байдлын объектод хамрагдаагүй</translation>
        </message>
        <message>
            <source>a certificate of the chain is not valid today</source>
            <translation>гинжин дэх гэрчилгээ өнөөдөр хүчинтэй биш</translation>
        </message>
        <message>
            <source>Chip Authentication passed: the chip is not a copy</source>
            <translation>чипийн баталгаажуулалт амжилттай: чип хуулбар биш</translation>
        </message>
        <message>
            <source>the chip offers Chip Authentication and failed it</source>
            <translation>чип чипийн баталгаажуулалтыг дэмждэг боловч тэнцээгүй</translation>
        </message>
        <message>
            <source>the chip does not offer Chip Authentication</source>
            <translation>чип чипийн баталгаажуулалтыг дэмждэггүй</translation>
        </message>
        <message>
            <source>Chip Authentication was not run (files read earlier, no chip)</source>
            <translation>чипийн баталгаажуулалт хийгдээгүй (өмнө уншсан файлууд, чип байхгүй)</translation>
        </message>
        <message>
            <source>Active Authentication passed: the chip is not a copy</source>
            <translation>идэвхтэй баталгаажуулалт амжилттай: чип хуулбар биш</translation>
        </message>
        <message>
            <source>the chip offers Active Authentication and failed it</source>
            <translation>чип идэвхтэй баталгаажуулалтыг дэмждэг боловч тэнцээгүй</translation>
        </message>
        <message>
            <source>the chip does not offer Active Authentication</source>
            <translation>чип идэвхтэй баталгаажуулалтыг дэмждэггүй</translation>
        </message>
        <message>
            <source>Active Authentication was not run (files read earlier, no chip)</source>
            <translation>идэвхтэй баталгаажуулалт хийгдээгүй (өмнө уншсан файлууд, чип байхгүй)</translation>
        </message>
        <message>
            <source>the chip's DG1 equals the printed MRZ</source>
            <translation>чипийн DG1 хэвлэсэн МУБ-тай ижил</translation>
        </message>
        <message>
            <source>the chip's DG1 differs from the printed MRZ</source>
            <translation>чипийн DG1 хэвлэсэн МУБ-аас ялгаатай</translation>
        </message>
        <message>
            <source>the chip's DG1 is unreadable</source>
            <translation>чипийн DG1 уншигдахгүй байна</translation>
        </message>
        <message>
            <source>no DG1 was read</source>
            <translation>DG1 уншаагүй</translation>
        </message>
        <message>
            <source>no printed MRZ was read to compare the chip's DG1 with</source>
            <translation>чипийн DG1-тэй харьцуулах хэвлэсэн МУБ уншигдаагүй</translation>
        </message>
        <message>
            <source>the printed portrait is the chip's photograph</source>
            <translation>хэвлэсэн цээж зураг чипийн зурагтай ижил хүн</translation>
        </message>
        <message>
            <source>the printed portrait does not look like the chip's photograph: for the examiner to judge</source>
            <translation>хэвлэсэн цээж зураг чипийн зурагтай адилгүй харагдана: шинжээч дүгнэнэ</translation>
        </message>
        <message>
            <source>no face to compare (chip or page)</source>
            <translation>харьцуулах нүүр царай алга (чип эсвэл хуудас)</translation>
        </message>
        <message>
            <source>no chip files with the capture</source>
            <translation>зураг авалтад чипийн файл алга</translation>
        </message>
        <message>
            <source>substrate / zone stays dull under UV</source>
            <translation>суурь / бүс ХЯТ-д гэрэлтэхгүй байна</translation>
        </message>
        <message>
            <source>substrate glows under UV (optical brighteners): not security paper</source>
            <translation>суурь ХЯТ-д гэрэлтэж байна (оптик цайруулагч): хамгаалалттай цаас биш</translation>
        </message>
        <message>
            <source>luminescent feature present, pattern and colour as the specimen's</source>
            <translation>гэрэлтэгч элемент байна, хээ ба өнгө нь жишигтэй ижил</translation>
        </message>
        <message>
            <source>luminescent feature missing, weak, or of the wrong pattern or colour</source>
            <translation>гэрэлтэгч элемент алга, сул, эсвэл хээ, өнгө нь буруу</translation>
        </message>
        <message>
            <source>luminescence where the specimen has none</source>
            <translation>жишигт байхгүй газарт гэрэлтэлт байна</translation>
        </message>
        <message>
            <source>no luminescence outside the specimen's features</source>
            <translation>жишгийн элементүүдээс гадна гэрэлтэлт алга</translation>
        </message>
        <message>
            <source>the luminescent pattern runs on across the portrait's edge</source>
            <translation>гэрэлтэгч хээ цээж зургийн захаар тасралтгүй үргэлжилнэ</translation>
        </message>
        <message>
            <source>the luminescent pattern stops at the portrait's edge (portrait replaced or laminate reapplied)</source>
            <translation>гэрэлтэгч хээ цээж зургийн захад тасарна (зураг сольсон эсвэл ламинатыг дахин наасан)</translation>
        </message>
        <message>
            <source>IR-absorbing print shows with contrast</source>
            <translation>ХУТ шингээгч хэвлэл тод харагдана</translation>
        </message>
        <message>
            <source>print expected to absorb IR fades under IR</source>
            <translation>ХУТ шингээх ёстой хэвлэл ХУТ-д бүдгэрнэ</translation>
        </message>
        <message>
            <source>print expected to drop out under IR does</source>
            <translation>ХУТ-д алга болох ёстой хэвлэл алга болно</translation>
        </message>
        <message>
            <source>structure under IR where the specimen has none</source>
            <translation>жишигт байхгүй газарт ХУТ-д бүтэц харагдана</translation>
        </message>
        <message>
            <source>the zone matches the specimen in white light</source>
            <translation>бүс цагаан гэрэлд жишигтэй тохирно</translation>
        </message>
        <message>
            <source>the zone's pattern differs from the specimen's</source>
            <translation>бүсийн хээ жишгийнхээс ялгаатай</translation>
        </message>
        <message>
            <source>portrait area consistent with an original print</source>
            <translation>цээж зургийн хэсэг анхны хэвлэлтэй нийцнэ</translation>
        </message>
        <message>
            <source>portrait area shows signs of substitution</source>
            <translation>цээж зургийн хэсэгт сольсон шинж тэмдэг байна</translation>
        </message>
        <message>
            <source>every MRZ check digit verifies</source>
            <translation>МУБ-ын бүх хяналтын орон зөв</translation>
        </message>
        <message>
            <source>the MRZ reaches the edge of the image: not all of it is shown</source>
            <translation>МУБ зургийн ирмэгт тулж байна: бүхэлдээ харагдахгүй байна</translation>
        </message>
        <message>
            <source>an MRZ check digit does not verify</source>
            <translation>МУБ-ын хяналтын орон буруу</translation>
        </message>
        <message>
            <source>printed fields agree with the MRZ</source>
            <translation>хэвлэсэн талбарууд МУБ-тай тохирно</translation>
        </message>
        <message>
            <source>a printed field disagrees with the MRZ</source>
            <translation>хэвлэсэн талбар МУБ-тай зөрнө</translation>
        </message>
        <message>
            <source>the issuing state is a known state</source>
            <translation>олгосон улс мэдэгдэж буй улс</translation>
        </message>
        <message>
            <source>the issuing state is neither ICAO-listed nor in the specimen library</source>
            <translation>олгосон улс ИКАО-гийн жагсаалтад ч, жишгийн санд ч алга</translation>
        </message>
        <message>
            <source>birth and expiry plausible; not expired</source>
            <translation>төрсөн огноо ба дуусах хугацаа үнэмшилтэй; хугацаа дуусаагүй</translation>
        </message>
        <message>
            <source>birth in the future, birth after expiry, or an implausible validity period</source>
            <translation>ирээдүйд төрсөн, хугацаа дууссаны дараа төрсөн, эсвэл хүчинтэй хугацаа үнэмшилгүй</translation>
        </message>
        <message>
            <source>the date of expiry has passed (validity, not authenticity)</source>
            <translation>хүчинтэй хугацаа дууссан (хүчинтэй эсэх, жинхэнэ эсэх биш)</translation>
        </message>
        <message>
            <source>the document was identified and registered onto its specimen</source>
            <translation>баримт бичгийг таньж, жишигтэй нь давхцуулсан</translation>
        </message>
        <message>
            <source>the page matches a specimen whose state, code, format or validity the MRZ contradicts</source>
            <translation>хуудас жишигтэй тохирох боловч МУБ нь түүний улс, код, формат эсвэл хүчинтэй хугацаатай зөрнө</translation>
        </message>
        <message>
            <source>every light the checks need was captured</source>
            <translation>шалгалтад шаардлагатай бүх гэрэлд зураг авсан</translation>
        </message>
        <message>
            <source>the page's size at the capture's dpi is the specimen's</source>
            <translation>зураг авалтын dpi-аар хуудасны хэмжээ жишгийнхтэй ижил</translation>
        </message>
        <message>
            <source>the image shows every zone the specimen checks</source>
            <translation>жишгийн шалгадаг бүх бүс зурагт харагдаж байна</translation>
        </message>
        <message>
            <source>zones the specimen checks lie outside the image: not examined</source>
            <translation>жишгийн шалгадаг бүсүүд зургаас гадна байна: шалгагдаагүй</translation>
        </message>
        <message>
            <source>the capture states no dpi (size taken from the specimen)</source>
            <translation>зураг авалтад dpi заагаагүй (хэмжээг жишгээс авсан)</translation>
        </message>
        <message>
            <source>the specimen marks no zone this check applies to</source>
            <translation>жишигт энэ шалгалт хамаарах бүс тэмдэглээгүй</translation>
        </message>
        <message>
            <source>the specimen marks no printed field the MRZ also holds</source>
            <translation>жишигт МУБ-д бас байдаг хэвлэсэн талбар тэмдэглээгүй</translation>
        </message>
        <message>
            <source>no print found in a zone expected to show print</source>
            <translation>хэвлэл байх ёстой бүсэд хэвлэл олдсонгүй</translation>
        </message>
        <message>
            <source>no bare substrate found on the page</source>
            <translation>хуудсанд хэвлэлгүй суурь олдсонгүй</translation>
        </message>
        <message>
            <source>no specimen fits the document (generic checks run)</source>
            <translation>баримт бичигт тохирох жишиг алга (ерөнхий шалгалтууд хийгдэнэ)</translation>
        </message>
        <message>
            <source>the capture would not align with the specimen</source>
            <translation>зураг авалтыг жишигтэй давхцуулж чадсангүй</translation>
        </message>
        <message>
            <source>the page's size at the capture's dpi is not the specimen's size</source>
            <translation>зураг авалтын dpi-аар хуудасны хэмжээ жишгийнхээс өөр</translation>
        </message>
        <message>
            <source>the capture has no image under a light a check needs</source>
            <translation>шалгалтад шаардлагатай гэрлийн зураг зураг авалтад алга</translation>
        </message>
        <message>
            <source>no page found on the platen (blank image, empty platen)</source>
            <translation>шилэн тавцан дээр хуудас олдсонгүй (хоосон зураг, хоосон тавцан)</translation>
        </message>
        <message>
            <source>no MRZ read: the MRZ checks cannot run</source>
            <translation>МУБ уншигдсангүй: МУБ-ын шалгалтууд хийгдэхгүй</translation>
        </message>
        <message>
            <source>no MRZ read although the matched specimen has one</source>
            <translation>тохирсон жишигт МУБ байгаа ч МУБ уншигдсангүй</translation>
        </message>
        <message>
            <source>a printed field could not be read with confidence</source>
            <translation>хэвлэсэн талбарыг найдвартай уншиж чадсангүй</translation>
        </message>
        <message>
            <source>a check could not run (internal error, logged)</source>
            <translation>шалгалт хийгдэж чадсангүй (дотоод алдаа, бүртгэлд тэмдэглэсэн)</translation>
        </message>
        <message>
            <source>the zone lies outside the captured page</source>
            <translation>бүс зураг авсан хуудаснаас гадна байна</translation>
        </message>
        <message>
            <source>the zone's content is the holder's: not compared with the specimen's</source>
            <translation>бүсийн агуулга эзэмшигчийнх: жишигтэй харьцуулаагүй</translation>
        </message>
        <message>
            <source>the check needs what the specimen has not learned (specimens learn) and has no prior</source>
            <translation>шалгалтад жишгийн сураагүй зүйл хэрэгтэй (specimens learn), урьдчилсан утга байхгүй</translation>
        </message>
        <message>
            <source>a barcode decodes where the specimen has one</source>
            <translation>жишигт байгаа газарт зураасан код уншигдана</translation>
        </message>
        <message>
            <source>nothing printed where the specimen has a barcode</source>
            <translation>жишигт зураасан код байгаа газарт юу ч хэвлээгүй</translation>
        </message>
        <message>
            <source>print where the specimen has a barcode, but no symbol decodes</source>
            <translation>жишигт зураасан код байгаа газарт хэвлэл байгаа ч код уншигдахгүй</translation>
        </message>
        <message>
            <source>the symbol there carries other data than the specimen's</source>
            <translation>тэнд байгаа код жишгийнхээс өөр өгөгдөл агуулна</translation>
        </message>
        <message>
            <source>the face's page could not be placed to look for the barcode</source>
            <translation>зураасан код хайхын тулд тухайн талын хуудсыг байршуулж чадсангүй</translation>
        </message>
        <message>
            <source>the specimen has a barcode on the back, which was not captured</source>
            <translation>жишгийн ар талд зураасан код байгаа боловч ар талын зураг аваагүй</translation>
        </message>
        <message>
            <source>the barcode's holder data agree with the MRZ and the printed fields</source>
            <translation>зураасан код дахь эзэмшигчийн мэдээлэл МУБ ба хэвлэсэн талбаруудтай тохирно</translation>
        </message>
        <message>
            <source>a field of the barcode disagrees with the MRZ or a printed field</source>
            <translation>зураасан кодын талбар МУБ эсвэл хэвлэсэн талбартай зөрнө</translation>
        </message>
        <message>
            <source>a barcode that starts like AAMVA data cannot be read</source>
            <translation>AAMVA өгөгдөл шиг эхэлсэн зураасан кодыг уншиж чадсангүй</translation>
        </message>
        <message>
            <source>no MRZ and no printed field to compare a barcode with</source>
            <translation>зураасан кодыг харьцуулах МУБ ч, хэвлэсэн талбар ч алга</translation>
        </message>
        <message>
            <source>the digital seal's signature verifies and its signer chains to a trust anchor</source>
            <translation>цахим тамганы гарын үсэг зөв бөгөөд гарын үсэг зурагч нь итгэлийн үндсэн гэрчилгээнд холбогдоно</translation>
        </message>
        <message>
            <source>the seal's signature does not verify (data or signature changed)</source>
            <translation>тамганы гарын үсэг баталгаажихгүй (өгөгдөл эсвэл гарын үсгийг өөрчилсөн)</translation>
        </message>
        <message>
            <source>the signer certificate names a trusted CA that did not sign it</source>
            <translation>гарын үсэг зурагчийн гэрчилгээнд нэрлэсэн итгэмжлэгдсэн төв түүнийг олгоогүй</translation>
        </message>
        <message>
            <source>the seal's signer certificate is revoked</source>
            <translation>тамганы гарын үсэг зурагчийн гэрчилгээг хүчингүй болгосон</translation>
        </message>
        <message>
            <source>the seal was signed outside its signer certificate's validity</source>
            <translation>тамгыг гарын үсэг зурагчийн гэрчилгээний хүчинтэй хугацаанаас гадуур зурсан</translation>
        </message>
        <message>
            <source>a barcode that starts like a digital seal is not one</source>
            <translation>цахим тамга шиг эхэлсэн зураасан код цахим тамга биш</translation>
        </message>
        <message>
            <source>the signer the seal names is not in the trust store</source>
            <translation>тамганд нэрлэсэн гарын үсэг зурагч итгэмжлэгдсэн гэрчилгээний санд алга</translation>
        </message>
        <message>
            <source>the seal's signature verifies but its signer does not chain to a trust anchor</source>
            <translation>тамганы гарын үсэг зөв боловч гарын үсэг зурагч итгэлийн үндсэн гэрчилгээнд холбогдохгүй</translation>
        </message>
        <message>
            <source>the seal's key type or curve is not supported</source>
            <translation>тамганы түлхүүрийн төрөл эсвэл муруйг дэмждэггүй</translation>
        </message>
        <message>
            <source>relief under grazing light, turning with the lamp</source>
            <translation>налуу гэрэлд товгор, чийдэнтэй хамт эргэнэ</translation>
        </message>
        <message>
            <source>no relief where the specimen has some (flat print)</source>
            <translation>жишигт товгортой газар товгор алга (хавтгай хэвлэл)</translation>
        </message>
        <message>
            <source>relief of another shape, or shading that does not turn with the lamp's direction</source>
            <translation>өөр хэлбэрийн товгор, эсвэл чийдэнгийн чиглэлтэй хамт эргэдэггүй сүүдэр</translation>
        </message>
        <message>
            <source>the specimen shows no relief under a lamp direction near the capture's</source>
            <translation>зураг авалтынхтай ойр чийдэнгийн чиглэлд жишигт товгор харагдахгүй</translation>
        </message>
        <message>
            <source>the pattern shows through the sheet, not on it</source>
            <translation>хээ хуудсаар нэвт харагдана, гадаргуу дээр биш</translation>
        </message>
        <message>
            <source>transmitted light does not show the specimen's watermark or see-through register</source>
            <translation>нэвтрэх гэрэлд жишгийн усан тэмдэг эсвэл нэвт харагдах давхцал харагдахгүй</translation>
        </message>
        <message>
            <source>the pattern shows in reflected light: printed on the surface</source>
            <translation>хээ ойсон гэрэлд харагдана: гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>the holes transmit and spell the MRZ's field</source>
            <translation>нүхнүүд гэрэл нэвтрүүлж, МУБ-ийн талбарыг бичнэ</translation>
        </message>
        <message>
            <source>the holes transmit (no MRZ to compare with)</source>
            <translation>нүхнүүд гэрэл нэвтрүүлнэ (харьцуулах МУБ алга)</translation>
        </message>
        <message>
            <source>the dots let no light through: printed, not punched</source>
            <translation>цэгүүд гэрэл нэвтрүүлэхгүй: цоолоогүй, хэвлэсэн</translation>
        </message>
        <message>
            <source>neither holes nor dots where the specimen has a perforation</source>
            <translation>жишигт цооролттой газар нүх ч, цэг ч алга</translation>
        </message>
        <message>
            <source>the holes spell something else than the MRZ</source>
            <translation>нүхнүүд МУБ-ээс өөр зүйл бичнэ</translation>
        </message>
        <message>
            <source>the holes transmit but could not be read</source>
            <translation>нүхнүүд гэрэл нэвтрүүлэх боловч уншигдсангүй</translation>
        </message>
        <message>
            <source>the laminate's pattern shows under coaxial light</source>
            <translation>коаксиаль гэрэлд ламинатын хээ харагдана</translation>
        </message>
        <message>
            <source>no retro-reflective pattern like the specimen's</source>
            <translation>жишгийнх шиг ойлтот хээ алга</translation>
        </message>
        <message>
            <source>a short-wave UV feature glows as the specimen's</source>
            <translation>богино долгионы ХЯТ-ийн элемент жишгийнх шиг гэрэлтэнэ</translation>
        </message>
        <message>
            <source>a short-wave UV feature does not glow under 254 nm, or in another pattern or colour</source>
            <translation>богино долгионы ХЯТ-ийн элемент 254 нм-д гэрэлтэхгүй, эсвэл өөр хээ, өнгөөр гэрэлтэнэ</translation>
        </message>
        <message>
            <source>fibre density and colours as the specimen's, embedded in the paper</source>
            <translation>утасны нягт ба өнгө жишгийнх шиг, цаасан дотор шингэсэн</translation>
        </message>
        <message>
            <source>too few or too many fibres</source>
            <translation>утас хэт цөөн эсвэл хэт олон</translation>
        </message>
        <message>
            <source>the fibres' colour mix is not the specimen's</source>
            <translation>утаснуудын өнгөний холимог жишгийнх биш</translation>
        </message>
        <message>
            <source>the fibres are not dimmed by print over them: printed on the surface</source>
            <translation>дээрх хэвлэл утсыг бүдгэрүүлэхгүй: гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>the ghost image repeats the portrait</source>
            <translation>сүүдэр зураг цээж зургийг давтана</translation>
        </message>
        <message>
            <source>the ghost image shows another face than the portrait</source>
            <translation>сүүдэр зурагт цээж зургаас өөр царай байна</translation>
        </message>
        <message>
            <source>the microprint is resolved as text</source>
            <translation>бичил хэвлэл бичвэр болж ялгарна</translation>
        </message>
        <message>
            <source>a plain or blurred line where microprint belongs</source>
            <translation>бичил хэвлэл байх газар энгийн эсвэл бүдэг зураас</translation>
        </message>
        <message>
            <source>the capture is too coarse for the check (the density needed is named)</source>
            <translation>зураг авалт шалгалтад хэт бүдүүлэг (шаардлагатай нягтыг заасан)</translation>
        </message>
        <message>
            <source>the zone's feature could not be measured (the reason is named)</source>
            <translation>бүсийн элементийг хэмжиж чадсангүй (шалтгааныг заасан)</translation>
        </message>
        <message>
            <source>the check needs a colour image and the capture's is grey</source>
            <translation>шалгалтад өнгөт зураг хэрэгтэй, зураг авалтынх саарал</translation>
        </message>
        <message>
            <source>the specimen shows no fibres in the zone</source>
            <translation>жишгийн энэ бүсэд утас харагдахгүй</translation>
        </message>
        <message>
            <source>the specimen shows no microprint line in the zone</source>
            <translation>жишгийн энэ бүсэд бичил хэвлэлийн мөр харагдахгүй</translation>
        </message>
        <message>
            <source>the specimen's own ghost image does not repeat its portrait</source>
            <translation>жишгийн өөрийн сүүдэр зураг цээж зургийг давтахгүй</translation>
        </message>
        <message>
            <source>the specimen has no zone the ghost image repeats</source>
            <translation>жишигт сүүдэр зургийн давтах бүс алга</translation>
        </message>
    </context>
    <context>
        <name>course editor</name>
        <message>
            <source>Course editor</source>
            <translation>Сургалтын засварлагч</translation>
        </message>
        <message>
            <source>New course</source>
            <translation>Шинэ сургалт</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>хязгааргүй</translation>
        </message>
        <message>
            <source>Show the automated checks while examining</source>
            <translation>Шинжлэх үед автомат шалгалтуудыг харуулах</translation>
        </message>
        <message>
            <source>after every document</source>
            <translation>баримт бүрийн дараа</translation>
        </message>
        <message>
            <source>at the end</source>
            <translation>төгсгөлд</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Дугаар</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Гарчиг</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Тайлбар</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Баримт бичгүүд</translation>
        </message>
        <message>
            <source>Forgery kinds</source>
            <translation>Хуурамчлалын төрлүүд</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Documents in the course</source>
            <translation>Сургалтын баримт бичгийн тоо</translation>
        </message>
        <message>
            <source>Genuine share</source>
            <translation>Жинхэнийн хувь</translation>
        </message>
        <message>
            <source>Difficulty</source>
            <translation>Хүндрэл</translation>
        </message>
        <message>
            <source>Time limit</source>
            <translation>Хугацааны хязгаар</translation>
        </message>
        <message>
            <source>Debrief</source>
            <translation>Дүн шинжилгээ</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed (санамсаргүй тоо)</translation>
        </message>
        <message>
            <source>{path}: cannot write ({error})</source>
            <translation>{path}: бичих боломжгүй ({error})</translation>
        </message>
        <message>
            <source>Save the course</source>
            <translation>Сургалтыг хадгалах</translation>
        </message>
    </context>
    <context>
        <name>desk</name>
        <message>
            <source>The session's user — click to switch</source>
            <translation>Сессийн хэрэглэгч — солихын тулд дарна уу</translation>
        </message>
        <message>
            <source>no user chosen</source>
            <translation>хэрэглэгч сонгоогүй</translation>
        </message>
        <message>
            <source>User: {user}</source>
            <translation>Хэрэглэгч: {user}</translation>
        </message>
        <message>
            <source>Working as {user}</source>
            <translation>{user} нэрээр ажиллаж байна</translation>
        </message>
    </context>
    <context>
        <name>devices</name>
        <message>
            <source>use</source>
            <translation>ашиглах</translation>
        </message>
        <message>
            <source>channel</source>
            <translation>суваг</translation>
        </message>
        <message>
            <source>exposure ms</source>
            <translation>гэрэлтүүлэг мс</translation>
        </message>
        <message>
            <source>settle ms</source>
            <translation>тогтворжих мс</translation>
        </message>
        <message>
            <source>UV off after s</source>
            <translation>ХЯТ унтрах, с</translation>
        </message>
        <message>
            <source>camera index (0, 1, ...) or device path such as /dev/video2</source>
            <translation>камерын дугаар (0, 1, ...) эсвэл /dev/video2 гэх мэт төхөөрөмжийн зам</translation>
        </message>
        <message>
            <source>camera default</source>
            <translation>камерын анхдагч</translation>
        </message>
        <message>
            <source>serial of the USB relay board (empty: the first one found)</source>
            <translation>USB реле самбарын серийн дугаар (хоосон: эхний олдсон)</translation>
        </message>
        <message>
            <source>from calibration</source>
            <translation>тохируулгаас</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камер</translation>
        </message>
        <message>
            <source>Width (px)</source>
            <translation>Өргөн (px)</translation>
        </message>
        <message>
            <source>Height (px)</source>
            <translation>Өндөр (px)</translation>
        </message>
        <message>
            <source>Relay board</source>
            <translation>Реле самбар</translation>
        </message>
        <message>
            <source>dpi</source>
            <translation>dpi</translation>
        </message>
        <message>
            <source>never</source>
            <translation>хэзээ ч</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Сонгох…</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Экспортын хавтас</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>File unchanged for</source>
            <translation>Файл өөрчлөгдөөгүй байх хугацаа</translation>
        </message>
        <message>
            <source>After capture</source>
            <translation>Зураг авсны дараа</translation>
        </message>
        <message>
            <source>from the images</source>
            <translation>зургуудаас</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Уншигч</translation>
        </message>
        <message>
            <source>Use this reader</source>
            <translation>Энэ уншигчийг ашиглах</translation>
        </message>
        <message>
            <source>Configured</source>
            <translation>Тохируулсан</translation>
        </message>
        <message>
            <source>Configure</source>
            <translation>Тохируулах</translation>
        </message>
        <message>
            <source>the reader's name, e.g. box</source>
            <translation>уншигчийн нэр, жишээ нь box</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Төрөл</translation>
        </message>
        <message>
            <source>The simulated reader needs no settings.</source>
            <translation>Загварчилсан уншигчид тохиргоо шаардлагагүй.</translation>
        </message>
        <message>
            <source>Find relay boards</source>
            <translation>Реле самбар хайх</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Хадгалах</translation>
        </message>
        <message>
            <source>Save and use</source>
            <translation>Хадгалаад ашиглах</translation>
        </message>
        <message>
            <source>Test lamps</source>
            <translation>Чийдэн шалгах</translation>
        </message>
        <message>
            <source>All off</source>
            <translation>Бүгдийг унтраах</translation>
        </message>
        <message>
            <source>Calibration</source>
            <translation>Тохируулга</translation>
        </message>
        <message>
            <source>Run this step</source>
            <translation>Энэ алхмыг гүйцэтгэх</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>Дахин эхлэх</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Шууд</translation>
        </message>
        <message>
            <source>Show live frames</source>
            <translation>Шууд кадр харуулах</translation>
        </message>
        <message>
            <source>In use: {reader}</source>
            <translation>Ашиглаж буй: {reader}</translation>
        </message>
        <message>
            <source>Test {light}</source>
            <translation>Шалгах: {light}</translation>
        </message>
        <message>
            <source>Calibration done</source>
            <translation>Тохируулга дууссан</translation>
        </message>
        <message>
            <source>Step {step} of {total}: {title}</source>
            <translation>{total}-ийн {step}-р алхам: {title}</translation>
        </message>
        <message>
            <source>relay boards attached: {boards}</source>
            <translation>холбогдсон реле самбарууд: {boards}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>алга</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Хадгалагдсангүй: {error}</translation>
        </message>
        <message>
            <source>Saved reader {name}</source>
            <translation>{name} уншигчийг хадгалсан</translation>
        </message>
        <message>
            <source>working…</source>
            <translation>ажиллаж байна…</translation>
        </message>
    </context>
    <context>
        <name>document panels</name>
        <message>
            <source>Capture the back</source>
            <translation>Ар талын зураг авах</translation>
        </message>
        <message>
            <source>Turn the document over on the reader, then press Capture.</source>
            <translation>Уншигч дээрх баримтыг эргүүлээд «Зураг авах» товчийг дарна уу.</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Зураг авах</translation>
        </message>
        <message>
            <source>That barcode cannot be placed on the image</source>
            <translation>Тэр зураасан кодыг зураг дээр байршуулах боломжгүй</translation>
        </message>
        <message>
            <source>Read the chip and examine the document first: the chip's photograph is placed over the printed portrait</source>
            <translation>Эхлээд чипийг уншиж баримтыг шинжилнэ үү: чипийн зургийг хэвлэсэн цээж зураг дээр байршуулна</translation>
        </message>
        <message>
            <source>Alert published</source>
            <translation>Сэрэмжлүүлэг нийтэлсэн</translation>
        </message>
    </context>
    <context>
        <name>drill</name>
        <message>
            <source>Id</source>
            <translation>Дугаар</translation>
        </message>
        <message>
            <source>Date (UTC)</source>
            <translation>Огноо (UTC)</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Хэрэг</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Улс</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Төрөл</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Цуврал</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Үнэлгээ</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Дүгнэлт</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Click a bar or double-click a row to list the examinations behind it.</source>
            <translation>Ард нь буй шинжилгээнүүдийг жагсаахын тулд баганан дээр дарах эсвэл мөрөн дээр давхар дарна уу.</translation>
        </message>
        <message>
            <source>Open examination</source>
            <translation>Шинжилгээг нээх</translation>
        </message>
        <message>
            <source>Your role sees the figures only; supervisors and forensic examiners can open the examinations behind them.</source>
            <translation>Таны үүрэгт зөвхөн тоон үзүүлэлт харагдана; хянагч болон шүүх шинжилгээний шинжээч ард нь буй шинжилгээг нээж чадна.</translation>
        </message>
        <message>
            <source>Examinations behind {what}…</source>
            <translation>{what}-ийн ард буй шинжилгээнүүд…</translation>
        </message>
        <message>
            <source>the period</source>
            <translation>хугацаа</translation>
        </message>
        <message>
            <source> (the newest {limit})</source>
            <translation> (хамгийн сүүлийн {limit})</translation>
        </message>
        <message numerus="yes">
            <source>%n examination(s) behind {what}{more}; double-click one to open it.</source>
            <translation>
                <numerusform>{what}-ийн ард %n шинжилгээ{more}; нээхийн тулд давхар дарна уу.</numerusform>
                <numerusform>{what}-ийн ард %n шинжилгээ{more}; нээхийн тулд давхар дарна уу.</numerusform>
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
            <translation>шинжилж буй</translation>
        </message>
        <message>
            <source>specimen</source>
            <translation>жишиг</translation>
        </message>
    </context>
    <context>
        <name>examination</name>
        <message>
            <source>finding the document</source>
            <translation>баримт бичгийг олж байна</translation>
        </message>
        <message>
            <source>reading the MRZ</source>
            <translation>МУБ-ыг уншиж байна</translation>
        </message>
        <message>
            <source>identifying the document</source>
            <translation>баримт бичгийг таньж байна</translation>
        </message>
        <message>
            <source>running the checks</source>
            <translation>шалгалтуудыг ажиллуулж байна</translation>
        </message>
        <message>
            <source>checked: {check}</source>
            <translation>шалгасан: {check}</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>Chip Authentication</source>
            <translation>чипийн баталгаажуулалт</translation>
        </message>
        <message>
            <source>Active Authentication</source>
            <translation>идэвхтэй баталгаажуулалт</translation>
        </message>
        <message>
            <source>document code</source>
            <translation>баримт бичгийн код</translation>
        </message>
        <message>
            <source>issuing state</source>
            <translation>олгосон улс</translation>
        </message>
        <message>
            <source>document number</source>
            <translation>баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>surname</source>
            <translation>овог</translation>
        </message>
        <message>
            <source>given names</source>
            <translation>нэр</translation>
        </message>
        <message>
            <source>nationality</source>
            <translation>иргэншил</translation>
        </message>
        <message>
            <source>date of birth</source>
            <translation>төрсөн огноо</translation>
        </message>
        <message>
            <source>birth date</source>
            <translation>төрсөн огноо</translation>
        </message>
        <message>
            <source>sex</source>
            <translation>хүйс</translation>
        </message>
        <message>
            <source>date of expiry</source>
            <translation>дуусах хугацаа</translation>
        </message>
        <message>
            <source>expiry date</source>
            <translation>дуусах хугацаа</translation>
        </message>
        <message>
            <source>issue date</source>
            <translation>олгосон огноо</translation>
        </message>
        <message>
            <source>optional data</source>
            <translation>нэмэлт мэдээлэл</translation>
        </message>
        <message>
            <source>composite</source>
            <translation>нийлмэл хяналтын орон</translation>
        </message>
        <message>
            <source>mrz</source>
            <translation>МУБ</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МУБ</translation>
        </message>
        <message>
            <source>printed</source>
            <translation>хэвлэсэн талбар</translation>
        </message>
        <message>
            <source>barcode</source>
            <translation>зураасан код</translation>
        </message>
        <message>
            <source>front</source>
            <translation>нүүр тал</translation>
        </message>
        <message>
            <source>back</source>
            <translation>ар тал</translation>
        </message>
        <message>
            <source>aamva</source>
            <translation>AAMVA</translation>
        </message>
        <message>
            <source>seal</source>
            <translation>цахим тамга</translation>
        </message>
        <message>
            <source>AAMVA data</source>
            <translation>AAMVA өгөгдөл</translation>
        </message>
        <message>
            <source>digital seal</source>
            <translation>цахим тамга</translation>
        </message>
    </context>
    <context>
        <name>findings</name>
        <message>
            <source>photo substitution</source>
            <translation>зураг сольсон</translation>
        </message>
        <message>
            <source>data alteration</source>
            <translation>мэдээлэл өөрчилсөн</translation>
        </message>
        <message>
            <source>MRZ alteration</source>
            <translation>МУБ өөрчилсөн</translation>
        </message>
        <message>
            <source>page substitution</source>
            <translation>хуудас сольсон</translation>
        </message>
        <message>
            <source>other</source>
            <translation>бусад</translation>
        </message>
        <message>
            <source>— not decided —</source>
            <translation>— шийдээгүй —</translation>
        </message>
        <message>
            <source>No marks yet</source>
            <translation>Тэмдэглэгээ алга</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Дүгнэлт</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Төрөл</translation>
        </message>
        <message>
            <source>Notes: what you saw, where, under which light</source>
            <translation>Тэмдэглэл: юу, хаана, ямар гэрэлд харсан</translation>
        </message>
        <message>
            <source>Images for the report</source>
            <translation>Тайланд орох зургууд</translation>
        </message>
        <message numerus="yes">
            <source>%n mark(s): {marks}</source>
            <translation>
                <numerusform>%n тэмдэглэгээ: {marks}</numerusform>
                <numerusform>%n тэмдэглэгээ: {marks}</numerusform>
            </translation>
        </message>
        <message>
            <source>No anomaly found</source>
            <translation>Зөрчил илрээгүй</translation>
        </message>
        <message>
            <source>Counterfeit</source>
            <translation>Бүрэн хуурамч</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Хэсэгчлэн хуурамчилсан</translation>
        </message>
        <message>
            <source>Inconclusive</source>
            <translation>Тодорхойгүй</translation>
        </message>
    </context>
    <context>
        <name>identity</name>
        <message>
            <source>Name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Баримт бичиг</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Иргэншил</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Төрсөн</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Хүйс</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Дуусах</translation>
        </message>
        <message>
            <source>MRZ repaired</source>
            <translation>МУБ засварласан</translation>
        </message>
        <message>
            <source>NOT EXAMINED</source>
            <translation>ШИНЖЛЭЭГҮЙ</translation>
        </message>
        <message>
            <source>NO ANOMALY</source>
            <translation>ЗӨРЧИЛГҮЙ</translation>
        </message>
        <message>
            <source>ANOMALIES</source>
            <translation>ЗӨРЧИЛТЭЙ</translation>
        </message>
        <message>
            <source>INCONCLUSIVE</source>
            <translation>ТОДОРХОЙГҮЙ</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Жишиг</translation>
        </message>
        <message>
            <source>MRZ</source>
            <translation>МУБ</translation>
        </message>
    </context>
    <context>
        <name>image area</name>
        <message>
            <source>No image yet — place a document and press Capture (Space)</source>
            <translation>Зураг алга — баримтыг тавиад «Зураг авах» (Space) дарна уу</translation>
        </message>
        <message>
            <source>{mode} view</source>
            <translation>{mode} харагдац</translation>
        </message>
        <message>
            <source>Questioned</source>
            <translation>Шинжилж буй</translation>
        </message>
        <message>
            <source>against</source>
            <translation>харьцуулах</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>Тунгалаг бус</translation>
        </message>
        <message>
            <source>Divider</source>
            <translation>Хуваагч</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Давтамж</translation>
        </message>
        <message>
            <source>Gain</source>
            <translation>Өсгөлт</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Бүсүүд</translation>
        </message>
        <message>
            <source>Draw the specimen's zones (Z)</source>
            <translation>Жишигийн бүсүүдийг зурах (Z)</translation>
        </message>
        <message>
            <source>Loupe</source>
            <translation>Томруулах шил</translation>
        </message>
        <message>
            <source>Magnifier under the cursor (L)</source>
            <translation>Курсорын доор томруулах (L)</translation>
        </message>
        <message>
            <source>Barcodes</source>
            <translation>Зураасан код</translation>
        </message>
        <message>
            <source>Outline the barcodes read on the face shown</source>
            <translation>Харагдаж буй талын уншсан зураасан кодыг хүрээлэх</translation>
        </message>
        <message>
            <source>Measure and mark</source>
            <translation>Хэмжих ба тэмдэглэх</translation>
        </message>
        <message>
            <source>{tool} tool ({key})</source>
            <translation>{tool} хэрэгсэл ({key})</translation>
        </message>
        <message>
            <source>Click points on the image. Right-click or Esc cancels, Ctrl+Z removes the last mark.</source>
            <translation>Зураг дээр цэгүүдийг дарна. Баруун товч эсвэл Esc цуцална, Ctrl+Z сүүлийн тэмдэглэгээг устгана.</translation>
        </message>
        <message>
            <source>Text written beside the next mark (and kept with it)</source>
            <translation>Дараагийн тэмдэглэгээний хажууд бичих текст (хамт хадгалагдана)</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Тэмдэглэл</translation>
        </message>
        <message>
            <source>No capture</source>
            <translation>Зураг алга</translation>
        </message>
        <message>
            <source>Show the document's front (Ctrl+B switches)</source>
            <translation>Баримтын нүүр талыг харуулах (Ctrl+B солино)</translation>
        </message>
        <message>
            <source>Show the document's back (Ctrl+B switches)</source>
            <translation>Баримтын ар талыг харуулах (Ctrl+B солино)</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>White</source>
            <translation>Цагаан</translation>
        </message>
        <message>
            <source>white light</source>
            <translation>цагаан гэрэл</translation>
        </message>
        <message>
            <source>UV 365</source>
            <translation>ХЯТ 365</translation>
        </message>
        <message>
            <source>UV 365 nm</source>
            <translation>ХЯТ 365 нм</translation>
        </message>
        <message>
            <source>IR 900</source>
            <translation>ХУТ 900</translation>
        </message>
        <message>
            <source>IR (B900)</source>
            <translation>ХУТ (B900)</translation>
        </message>
        <message>
            <source>UV 254</source>
            <translation>ХЯТ 254</translation>
        </message>
        <message>
            <source>UV 254 nm</source>
            <translation>ХЯТ 254 нм</translation>
        </message>
        <message>
            <source>Oblique</source>
            <translation>Налуу</translation>
        </message>
        <message>
            <source>oblique white light</source>
            <translation>налуу цагаан гэрэл</translation>
        </message>
        <message>
            <source>Oblique top</source>
            <translation>Налуу дээрээс</translation>
        </message>
        <message>
            <source>oblique white light from the top</source>
            <translation>дээрээс тусах налуу цагаан гэрэл</translation>
        </message>
        <message>
            <source>Coaxial</source>
            <translation>Коаксиаль</translation>
        </message>
        <message>
            <source>coaxial white light</source>
            <translation>коаксиаль цагаан гэрэл</translation>
        </message>
        <message>
            <source>Transmitted</source>
            <translation>Нэвтрэх</translation>
        </message>
        <message>
            <source>transmitted white light</source>
            <translation>нэвтрэх цагаан гэрэл</translation>
        </message>
        <message>
            <source>IR transmitted</source>
            <translation>Нэвтрэх ХУТ</translation>
        </message>
        <message>
            <source>transmitted IR</source>
            <translation>нэвтрэх ХУТ</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Зураг авалт</translation>
        </message>
        <message>
            <source>Back of the document</source>
            <translation>Баримт бичгийн ар тал</translation>
        </message>
        <message>
            <source>Questioned, registered onto the specimen</source>
            <translation>Шинжилж буй, жишигтэй давхцуулсан</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Жишиг</translation>
        </message>
        <message>
            <source>Front</source>
            <translation>Нүүр тал</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Ар тал</translation>
        </message>
        <message>
            <source>The current view</source>
            <translation>Одоогийн харагдац</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Нотлох баримт</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Харагдац</translation>
        </message>
        <message>
            <source>The chip's photograph (DG2)</source>
            <translation>Чипийн зураг (DG2)</translation>
        </message>
    </context>
    <context>
        <name>levels</name>
        <message>
            <source>Display levels</source>
            <translation>Дэлгэцийн түвшин</translation>
        </message>
        <message>
            <source>Invert</source>
            <translation>Урвуулах</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Бүх суваг</translation>
        </message>
        <message>
            <source>Red</source>
            <translation>Улаан</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>Ногоон</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>Цэнхэр</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Анхны байдал</translation>
        </message>
        <message>
            <source>Brightness</source>
            <translation>Гэрэлтэлт</translation>
        </message>
        <message>
            <source>Contrast</source>
            <translation>Ялгарал</translation>
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
            <translation>Дугаар</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Улс</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Төрөл</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Цуврал</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Бүсүүд</translation>
        </message>
        <message>
            <source>Exemplars</source>
            <translation>Хувь</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Гарын үсэг</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Гарчиг</translation>
        </message>
        <message>
            <source>Specimen library</source>
            <translation>Жишгийн сан</translation>
        </message>
        <message>
            <source>search: state, type, series… (e.g. MNG P 2021)</source>
            <translation>хайх: улс, төрөл, цуврал… (жишээ нь MNG P 2021)</translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %n specimen(s)</source>
            <translation>
                <numerusform>%n жишгээс {shown}</numerusform>
                <numerusform>%n жишгээс {shown}</numerusform>
            </translation>
        </message>
        <message>
            <source>{state} · code {code} · MRZ {mrz} · series {series} · {width} × {height} mm</source>
            <translation>{state} · код {code} · МУБ {mrz} · цуврал {series} · {width} × {height} мм</translation>
        </message>
        <message>
            <source>none</source>
            <translation>алга</translation>
        </message>
        <message numerus="yes">
            <source>lights: {lights}; statistics from %n genuine exemplar(s)</source>
            <translation>
                <numerusform>гэрэл: {lights}; жинхэнэ %n хувиас гаргасан статистик</numerusform>
                <numerusform>гэрэл: {lights}; жинхэнэ %n хувиас гаргасан статистик</numerusform>
            </translation>
        </message>
        <message>
            <source>package signature: {signature}</source>
            <translation>багцын гарын үсэг: {signature}</translation>
        </message>
        <message>
            <source>not checked</source>
            <translation>шалгаагүй</translation>
        </message>
        <message>
            <source>authored by {who} at {when}; blurred: {zones}</source>
            <translation>{when}-д {who} үүсгэсэн; бүдгэрүүлсэн: {zones}</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>юу ч үгүй</translation>
        </message>
        <message>
            <source>zones:</source>
            <translation>бүсүүд:</translation>
        </message>
    </context>
    <context>
        <name>lights</name>
        <message>
            <source>white</source>
            <translation>цагаан гэрэл</translation>
        </message>
        <message>
            <source>uv</source>
            <translation>ХЯТ 365 нм</translation>
        </message>
        <message>
            <source>ir</source>
            <translation>ХУТ</translation>
        </message>
        <message>
            <source>uv254</source>
            <translation>ХЯТ 254 нм</translation>
        </message>
        <message>
            <source>oblique</source>
            <translation>налуу гэрэл</translation>
        </message>
        <message>
            <source>oblique_top</source>
            <translation>дээрээс тусах налуу гэрэл</translation>
        </message>
        <message>
            <source>coaxial</source>
            <translation>коаксиаль гэрэл</translation>
        </message>
        <message>
            <source>transmitted</source>
            <translation>нэвтрэх гэрэл</translation>
        </message>
        <message>
            <source>ir_transmitted</source>
            <translation>нэвтрэх ХУТ</translation>
        </message>
    </context>
    <context>
        <name>login</name>
        <message>
            <source>Sign in</source>
            <translation>Нэвтрэх</translation>
        </message>
        <message>
            <source>Your account on this workstation</source>
            <translation>Энэ ажлын байран дахь таны бүртгэл</translation>
        </message>
        <message>
            <source>Your password: it unseals your signing key; it is never stored</source>
            <translation>Таны нууц үг: гарын үсгийн түлхүүрийг тань нээнэ; хэзээ ч хадгалагдахгүй</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Бүртгэл</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Нууц үг</translation>
        </message>
        <message>
            <source>signs in as the operating-system account</source>
            <translation>үйлдлийн системийн бүртгэлээр нэвтэрнэ</translation>
        </message>
        <message>
            <source>Enter your account.</source>
            <translation>Бүртгэлээ оруулна уу.</translation>
        </message>
        <message>
            <source>Signing in {name}...</source>
            <translation>{name} нэвтэрч байна...</translation>
        </message>
        <message>
            <source>Sign in to sign: your signing key opens only with your password (or your operating-system account).</source>
            <translation>Гарын үсэг зурахын тулд нэвтэрнэ үү: таны гарын үсгийн түлхүүр зөвхөн нууц үгээр (эсвэл үйлдлийн системийн бүртгэлээр) нээгдэнэ.</translation>
        </message>
        <message>
            <source>Signed in as {name}</source>
            <translation>{name} нэрээр нэвтэрсэн</translation>
        </message>
    </context>
    <context>
        <name>marks</name>
        <message>
            <source>ruler</source>
            <translation>хэмжих шугам</translation>
        </message>
        <message>
            <source>angle</source>
            <translation>өнцөг</translation>
        </message>
        <message>
            <source>rectangle</source>
            <translation>тэгш өнцөгт</translation>
        </message>
        <message>
            <source>arrow</source>
            <translation>сум</translation>
        </message>
    </context>
    <context>
        <name>measures</name>
        <message>
            <source>correlation</source>
            <translation>корреляц</translation>
        </message>
        <message>
            <source>edge continuity</source>
            <translation>ирмэгийн үргэлжлэл</translation>
        </message>
        <message>
            <source>fibre colour distance</source>
            <translation>ширхэгийн өнгөний зөрүү</translation>
        </message>
        <message>
            <source>fibre density</source>
            <translation>ширхэгийн нягт</translation>
        </message>
        <message>
            <source>fibre overprint</source>
            <translation>гадаргуу дээр хэвлэсэн ширхэг</translation>
        </message>
        <message>
            <source>fine detail</source>
            <translation>нарийн хээний тод байдал</translation>
        </message>
        <message>
            <source>ghost correlation</source>
            <translation>сүүдэр зургийн корреляц</translation>
        </message>
        <message>
            <source>ghost identity</source>
            <translation>сүүдэр зургийн хүний адилтгал</translation>
        </message>
        <message>
            <source>ghost residual</source>
            <translation>сүүдэр зургийн үлдэгдэл</translation>
        </message>
        <message>
            <source>glow contrast</source>
            <translation>гэрэлтэлтийн ялгарал</translation>
        </message>
        <message>
            <source>hole contrast</source>
            <translation>нүхний ялгарал</translation>
        </message>
        <message>
            <source>hue difference</source>
            <translation>өнгө аясын зөрүү</translation>
        </message>
        <message>
            <source>ink axis</source>
            <translation>бэхний өнгөний тэнхлэг</translation>
        </message>
        <message>
            <source>ir print ratio</source>
            <translation>ХУТ-д харагдах хэвлэлийн харьцаа</translation>
        </message>
        <message>
            <source>ir structure</source>
            <translation>ХУТ дахь бүтэц</translation>
        </message>
        <message>
            <source>ir structure excess</source>
            <translation>ХУТ дахь илүүдэл бүтэц</translation>
        </message>
        <message>
            <source>microprint detail</source>
            <translation>бичил хэвлэлийн нарийвчлал</translation>
        </message>
        <message>
            <source>microprint letters</source>
            <translation>бичил хэвлэлийн үсэг</translation>
        </message>
        <message>
            <source>pattern dx</source>
            <translation>хээний хэвтээ шилжилт</translation>
        </message>
        <message>
            <source>pattern dy</source>
            <translation>хээний босоо шилжилт</translation>
        </message>
        <message>
            <source>pattern shift</source>
            <translation>хээний шилжилт</translation>
        </message>
        <message>
            <source>reflected excess</source>
            <translation>ойсон гэрэл дэх илүүдэл</translation>
        </message>
        <message>
            <source>registration quality</source>
            <translation>давхцлын чанар</translation>
        </message>
        <message>
            <source>relief correlation</source>
            <translation>товгорын корреляц</translation>
        </message>
        <message>
            <source>relief strength</source>
            <translation>товгорын хүч</translation>
        </message>
        <message>
            <source>retro correlation</source>
            <translation>буцаан ойлтын корреляц</translation>
        </message>
        <message>
            <source>retro strength</source>
            <translation>буцаан ойлтын хүч</translation>
        </message>
        <message>
            <source>similarity</source>
            <translation>төстэй байдал</translation>
        </message>
        <message>
            <source>strength</source>
            <translation>эрч</translation>
        </message>
        <message>
            <source>through correlation</source>
            <translation>нэвтрэх гэрлийн корреляц</translation>
        </message>
        <message>
            <source>through strength</source>
            <translation>нэвтрэх гэрлийн эрч</translation>
        </message>
        <message>
            <source>uv254 correlation</source>
            <translation>ХЯТ 254 корреляц</translation>
        </message>
        <message>
            <source>uv254 glow</source>
            <translation>ХЯТ 254 гэрэлтэлт</translation>
        </message>
        <message>
            <source>uv254 hue difference</source>
            <translation>ХЯТ 254 өнгө аясын зөрүү</translation>
        </message>
        <message>
            <source>uv border step</source>
            <translation>ХЯТ хилийн үсрэлт</translation>
        </message>
        <message>
            <source>uv green share</source>
            <translation>ХЯТ ногоон өнгийн хувь</translation>
        </message>
        <message>
            <source>uv level</source>
            <translation>ХЯТ түвшин</translation>
        </message>
    </context>
    <context>
        <name>menus</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Хэл</translation>
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
            <translation>Бүх гэрэлд зураг авах</translation>
        </message>
        <message>
            <source>Capture the back</source>
            <translation>Ар талын зураг авах</translation>
        </message>
        <message>
            <source>Read chip</source>
            <translation>Чип унших</translation>
        </message>
        <message>
            <source>Examine again</source>
            <translation>Дахин шинжлэх</translation>
        </message>
        <message>
            <source>Save to case</source>
            <translation>Хэрэгт хадгалах</translation>
        </message>
        <message>
            <source>Sign report…</source>
            <translation>Тайланд гарын үсэг зурах…</translation>
        </message>
        <message>
            <source>Conclude and submit for review…</source>
            <translation>Дүгнээд хяналтад илгээх…</translation>
        </message>
        <message>
            <source>Sign with PKCS#12 file…</source>
            <translation>PKCS#12 файлаар гарын үсэг зурах…</translation>
        </message>
        <message>
            <source>Sign in…</source>
            <translation>Нэвтрэх…</translation>
        </message>
        <message>
            <source>Switch user…</source>
            <translation>Хэрэглэгч солих…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Гарах</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Харагдац</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Томруулах</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Жижигрүүлэх</translation>
        </message>
        <message>
            <source>Fit page</source>
            <translation>Хуудсыг багтаах</translation>
        </message>
        <message>
            <source>Actual pixels</source>
            <translation>Бодит пиксел</translation>
        </message>
        <message>
            <source>Specimen zones</source>
            <translation>Жишгийн бүсүүд</translation>
        </message>
        <message>
            <source>Loupe</source>
            <translation>Томруулах шил</translation>
        </message>
        <message>
            <source>Front / back of the document</source>
            <translation>Баримтын нүүр / ар тал</translation>
        </message>
        <message>
            <source>Dark / light theme</source>
            <translation>Бараан / цайвар загвар</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Хэрэгсэл</translation>
        </message>
        <message>
            <source>Remove last mark</source>
            <translation>Сүүлийн тэмдэглэгээг устгах</translation>
        </message>
        <message>
            <source>Publish alert…</source>
            <translation>Сэрэмжлүүлэг нийтлэх…</translation>
        </message>
        <message>
            <source>{view} view</source>
            <translation>{view} харагдац</translation>
        </message>
        <message>
            <source>Trainer…</source>
            <translation>Сургагч…</translation>
        </message>
        <message>
            <source>Trainees' progress…</source>
            <translation>Суралцагчдын ахиц…</translation>
        </message>
        <message>
            <source>Specimen editor…</source>
            <translation>Жишгийн засварлагч…</translation>
        </message>
        <message>
            <source>Specimen library…</source>
            <translation>Жишгийн сан…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Тусламж</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Тухай</translation>
        </message>
    </context>
    <context>
        <name>modes</name>
        <message>
            <source>All lights</source>
            <translation>Бүх гэрэл</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>Зэрэгцүүлэх</translation>
        </message>
        <message>
            <source>Blend</source>
            <translation>Холих</translation>
        </message>
        <message>
            <source>Swipe</source>
            <translation>Шилжүүлэх хөшиг</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Ялгавар</translation>
        </message>
        <message>
            <source>False colour</source>
            <translation>Хуурмаг өнгө</translation>
        </message>
        <message>
            <source>Flicker</source>
            <translation>Ээлжлэх</translation>
        </message>
    </context>
    <context>
        <name>panes</name>
        <message>
            <source>Chip photo (DG2)</source>
            <translation>Чипийн зураг (DG2)</translation>
        </message>
        <message>
            <source>Questioned</source>
            <translation>Шинжилж буй</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Ар тал</translation>
        </message>
        <message>
            <source>Specimen</source>
            <translation>Жишиг</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Шууд</translation>
        </message>
        <message>
            <source>False colour · {who}  (R = IR, G = white, B = UV)</source>
            <translation>Хуурмаг өнгө · {who}  (R = ХУТ, G = цагаан, B = ХЯТ)</translation>
        </message>
        <message>
            <source>Blend  {a}  ◐  {b}  ({percent} %)</source>
            <translation>Холих  {a}  ◐  {b}  ({percent} %)</translation>
        </message>
        <message>
            <source>Swipe  {a}  |  {b}</source>
            <translation>Хөшиг  {a}  |  {b}</translation>
        </message>
        <message>
            <source>Difference  {a}  −  {b}</source>
            <translation>Ялгавар  {a}  −  {b}</translation>
        </message>
        <message>
            <source>Flicker  {a}  ⇄  {b}  ({hz} Hz)</source>
            <translation>Ээлжлэх  {a}  ⇄  {b}  ({hz} Гц)</translation>
        </message>
    </context>
    <context>
        <name>progress</name>
        <message>
            <source>Trainees' progress</source>
            <translation>Суралцагчдын ахиц</translation>
        </message>
        <message>
            <source>recognised (%)</source>
            <translation>таньсан (%)</translation>
        </message>
        <message>
            <source>completed course (oldest first)</source>
            <translation>дууссан сургалт (эхнийх нь хамгийн эртний)</translation>
        </message>
        <message>
            <source>Trainee</source>
            <translation>Суралцагч</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Дууссан</translation>
        </message>
        <message>
            <source>Course</source>
            <translation>Сургалт</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Оноо</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Гэрчилгээ</translation>
        </message>
        <message>
            <source>Issue the signed certificate…</source>
            <translation>Гарын үсэгтэй гэрчилгээ олгох…</translation>
        </message>
        <message>
            <source>issued</source>
            <translation>олгосон</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>хараахан үгүй</translation>
        </message>
        <message>
            <source>No completed course yet.</source>
            <translation>Дууссан сургалт хараахан алга.</translation>
        </message>
        <message numerus="yes">
            <source>%n course(s) completed, {passed} passed; last: {course} ({percent} %).</source>
            <translation>
                <numerusform>%n сургалт дууссан, {passed} тэнцсэн; сүүлийнх: {course} ({percent} %).</numerusform>
                <numerusform>%n сургалт дууссан, {passed} тэнцсэн; сүүлийнх: {course} ({percent} %).</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the certificate</source>
            <translation>Гэрчилгээг хадгалах</translation>
        </message>
    </context>
    <context>
        <name>reader</name>
        <message>
            <source>No reader</source>
            <translation>Уншигч алга</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>Гэрэлтүүлгийн хугацаа</translation>
        </message>
        <message>
            <source>Live view</source>
            <translation>Шууд харах</translation>
        </message>
        <message>
            <source>Capture all lights   (Space)</source>
            <translation>Бүх гэрэлд зураг авах   (Space)</translation>
        </message>
        <message>
            <source>Capture the back   (Shift+Space)</source>
            <translation>Ар талын зураг авах   (Shift+Space)</translation>
        </message>
        <message>
            <source>Turn the document over and capture its back (barcodes, seals, the back's security features)</source>
            <translation>Баримтыг эргүүлээд ар талын зургийг авах (зураасан код, тамга, ар талын хамгаалалтын элементүүд)</translation>
        </message>
        <message>
            <source>On the platen (simulator)</source>
            <translation>Шилэн тавцан дээр (загварчлагч)</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Баримт бичиг</translation>
        </message>
        <message>
            <source>Forgery</source>
            <translation>Хуурамчлал</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Үр</translation>
        </message>
        <message>
            <source>Place document</source>
            <translation>Баримт тавих</translation>
        </message>
        <message>
            <source>{light}   {key}</source>
            <translation>{light}   {key}</translation>
        </message>
        <message>
            <source>Switch on {light} ({key})</source>
            <translation>{light} асаах ({key})</translation>
        </message>
        <message>
            <source>Lamps off</source>
            <translation>Чийдэн унтраалттай</translation>
        </message>
        <message>
            <source>genuine</source>
            <translation>жинхэнэ</translation>
        </message>
        <message>
            <source>Opening the reader…</source>
            <translation>Уншигчийг нээж байна…</translation>
        </message>
        <message>
            <source>No reader connected</source>
            <translation>Уншигч холбогдоогүй</translation>
        </message>
        <message>
            <source>Reader: {name}</source>
            <translation>Уншигч: {name}</translation>
        </message>
        <message>
            <source>Could not switch on {light}: {error}</source>
            <translation>{light} асаах боломжгүй: {error}</translation>
        </message>
        <message>
            <source>{light} on</source>
            <translation>{light} асаалттай</translation>
        </message>
        <message>
            <source>{light}: exposure {ms} ms</source>
            <translation>{light}: гэрэлтүүлэг {ms} мс</translation>
        </message>
        <message>
            <source>Could not place {document}: {error}</source>
            <translation>{document}-г тавих боломжгүй: {error}</translation>
        </message>
        <message>
            <source>On the platen: {document} ({forgery}, seed {seed})</source>
            <translation>Шилэн тавцан дээр: {document} ({forgery}, seed {seed})</translation>
        </message>
        <message>
            <source>Device settings not available: {error}</source>
            <translation>Төхөөрөмжийн тохиргоо боломжгүй: {error}</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Төхөөрөмж</translation>
        </message>
    </context>
    <context>
        <name>reports</name>
        <message>
            <source>Barcodes</source>
            <translation>Зураасан кодууд</translation>
        </message>
        <message>
            <source>Chip (eMRTD)</source>
            <translation>Чип (eMRTD)</translation>
        </message>
        <message>
            <source>The document's chip was not read.</source>
            <translation>Баримт бичгийн чипийг уншаагүй.</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>зөв</translation>
        </message>
        <message>
            <source>unsigned</source>
            <translation>гарын үсэггүй</translation>
        </message>
        <message>
            <source>ALTERED</source>
            <translation>ӨӨРЧИЛСӨН</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Уншсан</translation>
        </message>
        <message>
            <source>files exported by a reader</source>
            <translation>уншигчаас экспортолсон файлууд</translation>
        </message>
        <message>
            <source>Passive Authentication</source>
            <translation>Идэвхгүй баталгаажуулалт</translation>
        </message>
        <message>
            <source>Document signer</source>
            <translation>Баримт бичиг гарын үсэг зурагч</translation>
        </message>
        <message>
            <source>Country signing CA</source>
            <translation>Улсын гэрчилгээ олгогч төв (CSCA)</translation>
        </message>
        <message>
            <source>none trusted</source>
            <translation>итгэмжлэгдсэн нь алга</translation>
        </message>
        <message>
            <source>Data groups</source>
            <translation>Өгөгдлийн бүлгүүд</translation>
        </message>
        <message>
            <source>Chip Authentication</source>
            <translation>Чипийн баталгаажуулалт</translation>
        </message>
        <message>
            <source>Active Authentication</source>
            <translation>Идэвхтэй баталгаажуулалт</translation>
        </message>
        <message>
            <source>Chip data vs MRZ</source>
            <translation>Чипийн өгөгдөл ба МУБ</translation>
        </message>
        <message>
            <source>Chip photo vs portrait</source>
            <translation>Чипийн зураг ба цээж зураг</translation>
        </message>
        <message>
            <source>The chip's photograph beside the printed portrait (they differ: for the examiner to judge)</source>
            <translation>Чипийн зураг хэвлэсэн цээж зургийн хажууд (ялгаатай: шинжээч дүгнэнэ)</translation>
        </message>
        <message>
            <source>The chip's photograph beside the printed portrait</source>
            <translation>Чипийн зураг хэвлэсэн цээж зургийн хажууд</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>бүртгээгүй</translation>
        </message>
        <message>
            <source>{time} (local)</source>
            <translation>{time} (орон нутгийн цаг)</translation>
        </message>
        <message>
            <source>not configured</source>
            <translation>тохируулаагүй</translation>
        </message>
        <message>
            <source>Agency not configured</source>
            <translation>Байгууллагыг тохируулаагүй</translation>
        </message>
        <message>
            <source>Document examination report</source>
            <translation>Баримт бичгийн шинжилгээний тайлан</translation>
        </message>
        <message>
            <source>Report {id}</source>
            <translation>Тайлан {id}</translation>
        </message>
        <message>
            <source>Case {ref}</source>
            <translation>Хэрэг {ref}</translation>
        </message>
        <message>
            <source>No case</source>
            <translation>Хэрэггүй</translation>
        </message>
        <message>
            <source>{case} · {time} UTC · examination data SHA-256 {sha}… · workstation {version}</source>
            <translation>{case} · {time} UTC · шинжилгээний өгөгдлийн SHA-256 {sha}… · workstation {version}</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Хуудас {page} / {pages}</translation>
        </message>
        <message>
            <source>Case reference</source>
            <translation>Хэргийн дугаар</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Тайлан</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Байгууллага</translation>
        </message>
        <message>
            <source>Examiner</source>
            <translation>Шинжээч</translation>
        </message>
        <message>
            <source>Workstation</source>
            <translation>Ажлын байр</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Уншигч</translation>
        </message>
        <message>
            <source>Captured</source>
            <translation>Зураг авсан</translation>
        </message>
        <message>
            <source>Examined</source>
            <translation>Шинжилсэн</translation>
        </message>
        <message>
            <source>Report made</source>
            <translation>Тайлан үйлдсэн</translation>
        </message>
        <message>
            <source>Lights</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Нягтрал</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>тодорхойгүй</translation>
        </message>
        <message>
            <source>Document examination report {id}</source>
            <translation>Баримт бичгийн шинжилгээний тайлан {id}</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Шинжилгээ</translation>
        </message>
        <message>
            <source>Document code</source>
            <translation>Баримт бичгийн код</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Олгосон улс</translation>
        </message>
        <message>
            <source>Document number</source>
            <translation>Баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>Surname</source>
            <translation>Овог</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Иргэншил</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Төрсөн огноо</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Хүйс</translation>
        </message>
        <message>
            <source>Date of expiry</source>
            <translation>Дуусах хугацаа</translation>
        </message>
        <message>
            <source>Optional data</source>
            <translation>Нэмэлт мэдээлэл</translation>
        </message>
        <message>
            <source>No anomaly found</source>
            <translation>Зөрчил илрээгүй</translation>
        </message>
        <message>
            <source>Counterfeit</source>
            <translation>Бүрэн хуурамч</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Хэсэгчлэн хуурамчилсан</translation>
        </message>
        <message>
            <source>Inconclusive</source>
            <translation>Тодорхойгүй</translation>
        </message>
        <message>
            <source>PASS</source>
            <translation>ТЭНЦСЭН</translation>
        </message>
        <message>
            <source>FAIL</source>
            <translation>ТЭНЦЭЭГҮЙ</translation>
        </message>
        <message>
            <source>WARN</source>
            <translation>АНХААР</translation>
        </message>
        <message>
            <source>SKIPPED</source>
            <translation>АЛГАССАН</translation>
        </message>
        <message>
            <source>INCONCLUSIVE</source>
            <translation>ТОДОРХОЙГҮЙ</translation>
        </message>
        <message>
            <source>Examiner's conclusion: {conclusion}</source>
            <translation>Шинжээчийн дүгнэлт: {conclusion}</translation>
        </message>
        <message>
            <source>Examiner's conclusion: NONE RECORDED (automated examination only)</source>
            <translation>Шинжээчийн дүгнэлт: БҮРТГЭЭГҮЙ (зөвхөн автомат шинжилгээ)</translation>
        </message>
        <message>
            <source>Automated verdict: {verdict} · {failed} failed, {warned} warning, {passed} passed, {skipped} skipped</source>
            <translation>Автомат үнэлгээ: {verdict} · тэнцээгүй {failed}, анхааруулга {warned}, тэнцсэн {passed}, алгассан {skipped}</translation>
        </message>
        <message>
            <source>Document identity</source>
            <translation>Баримт бичгийн мэдээлэл</translation>
        </message>
        <message>
            <source>No machine-readable zone was read.</source>
            <translation>Машинаар уншигдах бүсийг уншаагүй.</translation>
        </message>
        <message>
            <source>MRZ ({format}), as read (OCR-B):</source>
            <translation>МУБ ({format}), уншсанаар (OCR-B):</translation>
        </message>
        <message>
            <source>unknown format</source>
            <translation>тодорхойгүй формат</translation>
        </message>
        <message>
            <source>Check digits</source>
            <translation>Хяналтын оронгууд</translation>
        </message>
        <message>
            <source>all valid</source>
            <translation>бүгд зөв</translation>
        </message>
        <message>
            <source>INVALID: {fields}</source>
            <translation>БУРУУ: {fields}</translation>
        </message>
        <message>
            <source>not all valid</source>
            <translation>бүгд зөв биш</translation>
        </message>
        <message>
            <source>{id} — {title} (series {series})</source>
            <translation>{id} — {title} (цуврал {series})</translation>
        </message>
        <message>
            <source>none matched</source>
            <translation>тохирсон жишиг алга</translation>
        </message>
        <message>
            <source>Specimen compared</source>
            <translation>Харьцуулсан жишиг</translation>
        </message>
        <message>
            <source>Captures: questioned document beside specimen</source>
            <translation>Зураг авалт: шинжилж буй баримт бичиг жишгийн хажууд</translation>
        </message>
        <message>
            <source>Specimen {id}, {light}</source>
            <translation>Жишиг {id}, {light}</translation>
        </message>
        <message>
            <source>No specimen image under this light.</source>
            <translation>Энэ гэрэлд жишгийн зураг алга.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Questioned&lt;/b&gt; (registered onto the specimen), {light}</source>
            <translation>&lt;b&gt;Шинжилж буй&lt;/b&gt; (жишигтэй давхцуулсан), {light}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Questioned&lt;/b&gt;, {light}</source>
            <translation>&lt;b&gt;Шинжилж буй&lt;/b&gt;, {light}</translation>
        </message>
        <message>
            <source>Images reproduced at {dpi} dpi print resolution (JPEG); the SHA-256 values in the integrity section are those of the original images.</source>
            <translation>Зургийг {dpi} dpi хэвлэлийн нягтралаар (JPEG) үзүүлэв; бүрэн бүтэн байдлын хэсгийн SHA-256 утгууд нь эх зургийнх.</translation>
        </message>
        <message>
            <source>Examiner's chosen views</source>
            <translation>Шинжээчийн сонгосон харагдацууд</translation>
        </message>
        <message>
            <source>Automated checks</source>
            <translation>Автомат шалгалтууд</translation>
        </message>
        <message>
            <source>No automated check ran.</source>
            <translation>Автомат шалгалт хийгдээгүй.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Төлөв</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Check · zone · light</source>
            <translation>Шалгалт · бүс · гэрэл</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Тайлбар</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Үзүүлэлт</translation>
        </message>
        <message>
            <source>thr {threshold}</source>
            <translation>босго {threshold}</translation>
        </message>
        <message>
            <source>Evidence of failed and warning checks</source>
            <translation>Тэнцээгүй болон анхааруулгатай шалгалтын нотлох баримт</translation>
        </message>
        <message>
            <source>Examiner's findings</source>
            <translation>Шинжээчийн ажиглалт</translation>
        </message>
        <message>
            <source>The examiner recorded no findings; this report shows the automated examination only.</source>
            <translation>Шинжээч ажиглалт бүртгээгүй; энэ тайлан зөвхөн автомат шинжилгээг харуулна.</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Дүгнэлт</translation>
        </message>
        <message>
            <source>not decided</source>
            <translation>шийдээгүй</translation>
        </message>
        <message>
            <source>Kind of forgery</source>
            <translation>Хуурамчлалын төрөл</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Бүртгэсэн</translation>
        </message>
        <message>
            <source>Observations</source>
            <translation>Ажиглалт</translation>
        </message>
        <message>
            <source>Measurements and marks</source>
            <translation>Хэмжилт ба тэмдэглэгээ</translation>
        </message>
        <message>
            <source>Integrity</source>
            <translation>Бүрэн бүтэн байдал</translation>
        </message>
        <message>
            <source>The examination data is attached to this PDF as &lt;b&gt;{name}&lt;/b&gt; (see the attachments panel of a PDF reader). SHA-256 marked &lt;i&gt;file&lt;/i&gt; is over the image file as captured (recompute with &lt;i&gt;sha256sum&lt;/i&gt;); &lt;i&gt;pixels&lt;/i&gt; is over the raw 8-bit pixels, row by row (height × width × channels).</source>
            <translation>Шинжилгээний өгөгдлийг энэ PDF-д &lt;b&gt;{name}&lt;/b&gt; нэрээр хавсаргасан (PDF уншигчийн хавсралтын самбарыг үзнэ үү). &lt;i&gt;файл&lt;/i&gt; гэж тэмдэглэсэн SHA-256 нь авсан зургийн файлынх (&lt;i&gt;sha256sum&lt;/i&gt;-ээр дахин тооцоолно); &lt;i&gt;пиксел&lt;/i&gt; нь 8 битийн түүхий пикселийнх, мөр мөрөөр (өндөр × өргөн × суваг).</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Зүйл</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Хэмжээ</translation>
        </message>
        <message>
            <source>Of</source>
            <translation>Юуных</translation>
        </message>
        <message>
            <source>file</source>
            <translation>файл</translation>
        </message>
        <message>
            <source>pixels</source>
            <translation>пиксел</translation>
        </message>
        <message>
            <source>Examination data ({name})</source>
            <translation>Шинжилгээний өгөгдөл ({name})</translation>
        </message>
        <message>
            <source>Examiner's signature</source>
            <translation>Шинжээчийн гарын үсэг</translation>
        </message>
        <message>
            <source>Supervisor's review (countersignature)</source>
            <translation>Хянагчийн хяналт (хянан баталгаажуулсан гарын үсэг)</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Гарын үсэг</translation>
        </message>
        <message>
            <source>This report is signed electronically (PAdES). Any PDF reader that checks signatures, poppler's &lt;i&gt;pdfsig&lt;/i&gt;, or &lt;i&gt;workstation report verify&lt;/i&gt; shows whether it is unchanged since signing and who signed it. A printed copy carries no signature.</source>
            <translation>Энэ тайланд цахим гарын үсэг (PAdES) зурсан. Гарын үсэг шалгадаг аливаа PDF уншигч, poppler-ийн &lt;i&gt;pdfsig&lt;/i&gt;, эсвэл &lt;i&gt;workstation report verify&lt;/i&gt; нь гарын үсэг зурснаас хойш өөрчлөгдөөгүй эсэх, хэн зурсныг харуулна. Хэвлэсэн хувь гарын үсэггүй.</translation>
        </message>
        <message>
            <source>printed: {text}</source>
            <translation>хэвлэсэн: {text}</translation>
        </message>
        <message>
            <source>What the result codes mean</source>
            <translation>Үр дүнгийн кодуудын утга</translation>
        </message>
        <message>
            <source>Supervisor review</source>
            <translation>Хянагчийн хяналт</translation>
        </message>
        <message>
            <source>{role} — digitally signed</source>
            <translation>{role} — цахим гарын үсэг зурсан</translation>
        </message>
        <message>
            <source>Signer: {name}</source>
            <translation>Гарын үсэг зурсан: {name}</translation>
        </message>
        <message>
            <source>Issued by: {name}</source>
            <translation>Гэрчилгээ олгогч: {name}</translation>
        </message>
        <message>
            <source>Signed: {time} UTC (RFC 3161 time stamp)</source>
            <translation>Зурсан: {time} UTC (RFC 3161 цагийн тэмдэг)</translation>
        </message>
        <message>
            <source>Signed: {time} UTC (workstation clock)</source>
            <translation>Зурсан: {time} UTC (ажлын байрны цаг)</translation>
        </message>
    </context>
    <context>
        <name>review</name>
        <message>
            <source>Open a report file…</source>
            <translation>Тайлангийн файл нээх…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Шинэчлэх</translation>
        </message>
        <message>
            <source>Waiting for review</source>
            <translation>Хяналт хүлээж буй</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Тайлан</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>Гарын үсгүүд</translation>
        </message>
        <message>
            <source>Examination data</source>
            <translation>Шинжилгээний мэдээлэл</translation>
        </message>
        <message>
            <source>Select an examination.</source>
            <translation>Шинжилгээ сонгоно уу.</translation>
        </message>
        <message>
            <source>Comment for the examiner (required to return)</source>
            <translation>Шинжээчид өгөх тайлбар (буцаахад шаардлагатай)</translation>
        </message>
        <message>
            <source>Approve (countersign)…</source>
            <translation>Батлах (хянан баталгаажуулах)…</translation>
        </message>
        <message>
            <source>Return to examiner</source>
            <translation>Шинжээчид буцаах</translation>
        </message>
        <message>
            <source>case {case} · examination {id} — {who}</source>
            <translation>хэрэг {case} · шинжилгээ {id} — {who}</translation>
        </message>
        <message>
            <source>no MRZ</source>
            <translation>МУБ алга</translation>
        </message>
        <message>
            <source>Checking the report…</source>
            <translation>Тайланг шалгаж байна…</translation>
        </message>
        <message>
            <source>Open a signed report</source>
            <translation>Гарын үсэгтэй тайлан нээх</translation>
        </message>
        <message>
            <source>PDF reports (*.pdf)</source>
            <translation>PDF тайлан (*.pdf)</translation>
        </message>
        <message>
            <source>Checking {file}…</source>
            <translation>{file}-г шалгаж байна…</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>тийм</translation>
        </message>
        <message>
            <source>NO</source>
            <translation>ҮГҮЙ</translation>
        </message>
        <message>
            <source>intact: {intact}   trusted: {trusted}   revoked: {revoked}</source>
            <translation>бүрэн бүтэн: {intact}   итгэмжлэгдсэн: {trusted}   хүчингүй болсон: {revoked}</translation>
        </message>
        <message>
            <source>YES</source>
            <translation>ТИЙМ</translation>
        </message>
        <message>
            <source>no</source>
            <translation>үгүй</translation>
        </message>
        <message>
            <source>signed at: {when}</source>
            <translation>гарын үсэг зурсан: {when}</translation>
        </message>
        <message>
            <source> (time-stamped)</source>
            <translation> (цагийн тамгатай)</translation>
        </message>
        <message>
            <source>reason: {reason}</source>
            <translation>шалтгаан: {reason}</translation>
        </message>
        <message>
            <source>problem: {problem}</source>
            <translation>асуудал: {problem}</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Төлөв: {status}</translation>
        </message>
        <message>
            <source>Decided by {who}: {note}</source>
            <translation>{who} шийдсэн: {note}</translation>
        </message>
        <message>
            <source>This report carries no examination data.</source>
            <translation>Энэ тайланд шинжилгээний мэдээлэл алга.</translation>
        </message>
        <message>
            <source>Check the pages, then countersign</source>
            <translation>Хуудсуудыг шалгаад хянан баталгаажуулна уу</translation>
        </message>
        <message>
            <source>Approved and countersigned by {who}</source>
            <translation>{who} баталж хянан баталгаажуулсан</translation>
        </message>
        <message>
            <source>Returned by {who}</source>
            <translation>{who} буцаасан</translation>
        </message>
        <message>
            <source> — copy written to {path}</source>
            <translation> — хуулбарыг {path}-д бичсэн</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <source>examiner</source>
            <translation>шинжээч</translation>
        </message>
        <message>
            <source>forensic examiner</source>
            <translation>шүүх шинжилгээний шинжээч</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>хянагч</translation>
        </message>
        <message>
            <source>trainee</source>
            <translation>суралцагч</translation>
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
                <numerusform>Энэ төрлийн баримт бичгийн талаар %n сэрэмжлүүлэг байна: дээрх туузыг үзнэ үү</numerusform>
                <numerusform>Энэ төрлийн баримт бичгийн талаар %n сэрэмжлүүлэг байна: дээрх туузыг үзнэ үү</numerusform>
            </translation>
        </message>
        <message>
            <source>Looking for alerts</source>
            <translation>Сэрэмжлүүлэг хайж байна</translation>
        </message>
        <message>
            <source>Recording the alert shown</source>
            <translation>Харуулсан сэрэмжлүүлгийг тэмдэглэж байна</translation>
        </message>
        <message>
            <source>Fetching the alert's crops</source>
            <translation>Сэрэмжлүүлгийн хэсгүүдийг авч байна</translation>
        </message>
        <message numerus="yes">
            <source>%n alert(s) expired since the last start (recorded in the audit trail)</source>
            <translation>
                <numerusform>Сүүлд эхлүүлснээс хойш %n сэрэмжлүүлгийн хугацаа дууссан (аудитын бүртгэлд тэмдэглэсэн)</numerusform>
                <numerusform>Сүүлд эхлүүлснээс хойш %n сэрэмжлүүлгийн хугацаа дууссан (аудитын бүртгэлд тэмдэглэсэн)</numerusform>
            </translation>
        </message>
        <message>
            <source>Recording expired alerts</source>
            <translation>Хугацаа дууссан сэрэмжлүүлгийг тэмдэглэж байна</translation>
        </message>
        <message>
            <source>Only a supervisor publishes alerts</source>
            <translation>Зөвхөн хянагч сэрэмжлүүлэг нийтэлнэ</translation>
        </message>
        <message>
            <source>Open a concluded examination of a forgery first</source>
            <translation>Эхлээд хуурамчлал гэж дүгнэсэн шинжилгээг нээнэ үү</translation>
        </message>
        <message>
            <source>The examination is {status}: publish alerts from concluded examinations</source>
            <translation>Шинжилгээний төлөв: {status}; сэрэмжлүүлгийг дүгнэлт гарсан шинжилгээнээс нийтэлнэ үү</translation>
        </message>
        <message>
            <source>Alerts are about forgeries: the examination did not conclude counterfeit or forged</source>
            <translation>Сэрэмжлүүлэг хуурамчлалын тухай байдаг: шинжилгээ бүрэн хуурамч эсвэл хэсэгчлэн хуурамчилсан гэж дүгнээгүй</translation>
        </message>
        <message>
            <source>No MRZ was read: the alert could match no document type</source>
            <translation>МУБ уншигдаагүй: сэрэмжлүүлэг ямар ч төрлийн баримт бичигт тохирохгүй</translation>
        </message>
        <message>
            <source>Cutting the evidence crops (personal data blurred)</source>
            <translation>Нотлох баримтын хэсгүүдийг тасдаж байна (хувийн мэдээллийг бүдгэрүүлсэн)</translation>
        </message>
        <message>
            <source>Preparing the alert</source>
            <translation>Сэрэмжлүүлгийг бэлтгэж байна</translation>
        </message>
        <message>
            <source>Alert #{id} published for {document}: every workstation of this database shows it</source>
            <translation>{document}-д зориулсан №{id} сэрэмжлүүлгийг нийтэлсэн: энэ өгөгдлийн сангийн бүх ажлын байранд харагдана</translation>
        </message>
        <message>
            <source>Publishing the alert</source>
            <translation>Сэрэмжлүүлгийг нийтэлж байна</translation>
        </message>
        <message>
            <source>Listing card readers</source>
            <translation>Карт уншигчдыг хайж байна</translation>
        </message>
        <message>
            <source>Card reader: {reader}</source>
            <translation>Карт уншигч: {reader}</translation>
        </message>
        <message>
            <source>The card reader did not close cleanly: {error}</source>
            <translation>Карт уншигч хэвийн хаагдсангүй: {error}</translation>
        </message>
        <message>
            <source>The chip is being read</source>
            <translation>Чипийг уншиж байна</translation>
        </message>
        <message>
            <source>Capture the document first: the chip is opened with its MRZ</source>
            <translation>Эхлээд баримт бичгийн зураг авна уу: чипийг түүний МУБ-аар нээнэ</translation>
        </message>
        <message>
            <source>Wait for the examination: the chip is opened with the MRZ it reads</source>
            <translation>Шинжилгээг хүлээнэ үү: чипийг шинжилгээний уншсан МУБ-аар нээнэ</translation>
        </message>
        <message>
            <source>No MRZ was read on the page: enter the card access number (CAN) printed on the document</source>
            <translation>Хуудаснаас МУБ уншигдаагүй: баримт бичиг дээр хэвлэсэн картын хандалтын дугаарыг (CAN) оруулна уу</translation>
        </message>
        <message>
            <source>The chip cannot be opened: {error}</source>
            <translation>Чипийг нээх боломжгүй: {error}</translation>
        </message>
        <message>
            <source>Connecting to the chip</source>
            <translation>Чиптэй холбогдож байна</translation>
        </message>
        <message>
            <source>Reading the chip: {step}</source>
            <translation>Чипийг уншиж байна: {step}</translation>
        </message>
        <message>
            <source>Verifying the chip (Passive Authentication)</source>
            <translation>Чипийг шалгаж байна (идэвхгүй баталгаажуулалт)</translation>
        </message>
        <message>
            <source>Another document was captured meanwhile: this chip's files were not added to it</source>
            <translation>Энэ хооронд өөр баримтын зураг авсан: энэ чипийн файлуудыг түүнд нэмсэнгүй</translation>
        </message>
        <message numerus="yes">
            <source>Chip read with {protocol}: %n file(s); examining again</source>
            <translation>
                <numerusform>Чипийг {protocol}-ээр уншсан: %n файл; дахин шинжилж байна</numerusform>
                <numerusform>Чипийг {protocol}-ээр уншсан: %n файл; дахин шинжилж байна</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading the chip was cancelled</source>
            <translation>Чип уншихыг цуцалсан</translation>
        </message>
        <message>
            <source>Reading the chip</source>
            <translation>Чипийг уншиж байна</translation>
        </message>
        <message>
            <source>The chip files could not be shown: {error}</source>
            <translation>Чипийн файлуудыг харуулах боломжгүй: {error}</translation>
        </message>
        <message>
            <source>Findings not saved: {error}</source>
            <translation>Ажиглалт хадгалагдсангүй: {error}</translation>
        </message>
        <message>
            <source>A capture is running</source>
            <translation>Зураг авалт явагдаж байна</translation>
        </message>
        <message>
            <source>Capturing {light} ({number}/{total})</source>
            <translation>{light} гэрэлд зураг авч байна ({number}/{total})</translation>
        </message>
        <message>
            <source>Capture</source>
            <translation>Зураг авалт</translation>
        </message>
        <message>
            <source>Captured {lights} at {dpi} dpi</source>
            <translation>{lights} гэрэлд {dpi} dpi-аар зураг авсан</translation>
        </message>
        <message>
            <source>The capture could not be stored: {error} — Ctrl+S tries again</source>
            <translation>Зураг авалтыг хадгалж чадсангүй: {error} — Ctrl+S дахин оролдоно</translation>
        </message>
        <message>
            <source>Storing the capture</source>
            <translation>Зураг авалтыг хадгалж байна</translation>
        </message>
        <message>
            <source>Capture the document's front first</source>
            <translation>Эхлээд баримтын нүүр талын зургийг авна уу</translation>
        </message>
        <message>
            <source>The examination is submitted for review: its capture cannot change</source>
            <translation>Шинжилгээг хяналтад илгээсэн: зураг авалтыг өөрчлөх боломжгүй</translation>
        </message>
        <message>
            <source>Added the back face and the chip files; examining again</source>
            <translation>Ар тал болон чипийн файлуудыг нэмсэн; дахин шинжилж байна</translation>
        </message>
        <message>
            <source>Added the back face; examining again</source>
            <translation>Ар талыг нэмсэн; дахин шинжилж байна</translation>
        </message>
        <message>
            <source>Added the chip files; examining again</source>
            <translation>Чипийн файлуудыг нэмсэн; дахин шинжилж байна</translation>
        </message>
        <message>
            <source>The back face could not be stored: {error}</source>
            <translation>Ар талыг хадгалж чадсангүй: {error}</translation>
        </message>
        <message>
            <source>The chip files could not be stored: {error}</source>
            <translation>Чипийн файлуудыг хадгалж чадсангүй: {error}</translation>
        </message>
        <message>
            <source>Storing the addition to the capture</source>
            <translation>Зураг авалтын нэмэлтийг хадгалж байна</translation>
        </message>
        <message>
            <source>Examining: {step}</source>
            <translation>Шинжилж байна: {step}</translation>
        </message>
        <message>
            <source>Examining</source>
            <translation>Шинжилж байна</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Шинжилгээ</translation>
        </message>
        <message>
            <source> in {ms} ms</source>
            <translation> {ms} мс-д</translation>
        </message>
        <message numerus="yes">
            <source>Examined{time}: {verdict}, %n failed check(s)</source>
            <translation>
                <numerusform>Шинжилсэн{time}: {verdict}, %n шалгалт тэнцээгүй</numerusform>
                <numerusform>Шинжилсэн{time}: {verdict}, %n шалгалт тэнцээгүй</numerusform>
            </translation>
        </message>
        <message>
            <source>The examination could not be stored: {error}</source>
            <translation>Шинжилгээг хадгалж чадсангүй: {error}</translation>
        </message>
        <message>
            <source>Storing the examination</source>
            <translation>Шинжилгээг хадгалж байна</translation>
        </message>
        <message>
            <source>Examining the stored capture</source>
            <translation>Хадгалсан зураг авалтыг шинжилж байна</translation>
        </message>
        <message>
            <source>Opened case {case}, examination {id}</source>
            <translation>{case} хэрэг, {id} шинжилгээг нээсэн</translation>
        </message>
        <message>
            <source>Opening the examination</source>
            <translation>Шинжилгээг нээж байна</translation>
        </message>
        <message>
            <source>Reopening examination {id}, left unfinished when the window closed unexpectedly</source>
            <translation>Цонх гэнэт хаагдсанаас дуусаагүй үлдсэн {id} шинжилгээг дахин нээж байна</translation>
        </message>
        <message>
            <source>The back was not captured: turn the document over and capture its back (Shift+Space)</source>
            <translation>Ар талын зураг аваагүй: баримтыг эргүүлээд ар талын зургийг авна уу (Shift+Space)</translation>
        </message>
        <message>
            <source>No reader</source>
            <translation>Уншигч алга</translation>
        </message>
        <message>
            <source>The back is being captured</source>
            <translation>Ар талын зургийг авч байна</translation>
        </message>
        <message>
            <source>Capture the front first</source>
            <translation>Эхлээд нүүр талын зургийг авна уу</translation>
        </message>
        <message>
            <source>Capturing the back: {light} ({number}/{total})</source>
            <translation>Ар талын зургийг авч байна: {light} ({number}/{total})</translation>
        </message>
        <message>
            <source>Turning the document over</source>
            <translation>Баримтыг эргүүлж байна</translation>
        </message>
        <message>
            <source>Another document was captured meanwhile: this back was not added to it</source>
            <translation>Энэ хооронд өөр баримтын зураг авсан: энэ ар талыг түүнд нэмсэнгүй</translation>
        </message>
        <message>
            <source>Capturing the back</source>
            <translation>Ар талын зургийг авч байна</translation>
        </message>
        <message>
            <source>The findings are submitted for review and cannot change</source>
            <translation>Ажиглалтыг хяналтад илгээсэн тул өөрчлөх боломжгүй</translation>
        </message>
        <message>
            <source>Nothing to save: capture and examine a document first</source>
            <translation>Хадгалах зүйл алга: эхлээд баримтын зургийг авч шинжилнэ үү</translation>
        </message>
        <message>
            <source>The capture is being stored; the findings follow</source>
            <translation>Зураг авалтыг хадгалж байна; ажиглалт дараа нь хадгалагдана</translation>
        </message>
        <message>
            <source>Findings saved (version {version})</source>
            <translation>Ажиглалтыг хадгалсан (хувилбар {version})</translation>
        </message>
        <message>
            <source>Findings not saved: {error} — open the examination again to see the other changes</source>
            <translation>Ажиглалт хадгалагдсангүй: {error} — бусад өөрчлөлтийг харахын тулд шинжилгээг дахин нээнэ үү</translation>
        </message>
        <message>
            <source>Review queue: {error}</source>
            <translation>Хяналтын дараалал: {error}</translation>
        </message>
        <message>
            <source>Reading the review queue</source>
            <translation>Хяналтын дарааллыг уншиж байна</translation>
        </message>
        <message>
            <source>Opening the report</source>
            <translation>Тайланг нээж байна</translation>
        </message>
        <message>
            <source>A decision is being recorded</source>
            <translation>Шийдвэрийг бүртгэж байна</translation>
        </message>
        <message>
            <source>Select a report first</source>
            <translation>Эхлээд тайлан сонгоно уу</translation>
        </message>
        <message>
            <source>This report has been decided already</source>
            <translation>Энэ тайлангийн шийдвэр аль хэдийн гарсан</translation>
        </message>
        <message>
            <source>Only a supervisor reviews examinations</source>
            <translation>Зөвхөн хянагч шинжилгээг хянана</translation>
        </message>
        <message>
            <source>You cannot review your own examination</source>
            <translation>Та өөрийн шинжилгээг хянах боломжгүй</translation>
        </message>
        <message>
            <source>Not approvable: {why}</source>
            <translation>Батлах боломжгүй: {why}</translation>
        </message>
        <message>
            <source>Select an examination of the queue first</source>
            <translation>Эхлээд дарааллаас шинжилгээ сонгоно уу</translation>
        </message>
        <message>
            <source>Write a comment for the examiner before returning the report</source>
            <translation>Тайланг буцаахаас өмнө шинжээчид тайлбар бичнэ үү</translation>
        </message>
        <message>
            <source>Preparing the countersignature</source>
            <translation>Хянан баталгаажуулсан гарын үсгийг бэлтгэж байна</translation>
        </message>
        <message>
            <source>Nothing to countersign: approve a report first</source>
            <translation>Хянан баталгаажуулах зүйл алга: эхлээд тайланг батална уу</translation>
        </message>
        <message>
            <source>Countersigning the report</source>
            <translation>Тайланг хянан баталгаажуулж байна</translation>
        </message>
        <message>
            <source>Countersigning</source>
            <translation>Хянан баталгаажуулж байна</translation>
        </message>
        <message>
            <source>Returning the report</source>
            <translation>Тайланг буцааж байна</translation>
        </message>
        <message>
            <source>A signature is being prepared or made already</source>
            <translation>Гарын үсгийг аль хэдийн бэлтгэж эсвэл зурж байна</translation>
        </message>
        <message>
            <source>Nothing to report: capture and examine a document first</source>
            <translation>Тайлагнах зүйл алга: эхлээд баримт бичгийн зураг авч шинжилнэ үү</translation>
        </message>
        <message>
            <source>Already concluding and submitting this examination</source>
            <translation>Энэ шинжилгээг аль хэдийн дүгнэж, хяналтад илгээж байна</translation>
        </message>
        <message>
            <source>Nothing to conclude: capture and examine a document first</source>
            <translation>Дүгнэх зүйл алга: эхлээд баримт бичгийн зураг авч шинжилнэ үү</translation>
        </message>
        <message>
            <source>Already submitted for review: the findings are final</source>
            <translation>Хяналтад аль хэдийн илгээсэн: ажиглалт эцсийнх болсон</translation>
        </message>
        <message>
            <source>Not submitted: choose a conclusion in the Findings tab first</source>
            <translation>Илгээгээгүй: эхлээд «Ажиглалт» табаас дүгнэлт сонгоно уу</translation>
        </message>
        <message>
            <source>Not submitted: the findings could not be saved (changed elsewhere) — open the examination again to see the other changes</source>
            <translation>Илгээгээгүй: ажиглалтыг хадгалж чадсангүй (өөр газар өөрчилсөн) — бусад өөрчлөлтийг харахын тулд шинжилгээг дахин нээнэ үү</translation>
        </message>
        <message>
            <source>The findings were not saved</source>
            <translation>Ажиглалтыг хадгалаагүй</translation>
        </message>
        <message>
            <source>Opening the signing key</source>
            <translation>Гарын үсгийн түлхүүрийг нээж байна</translation>
        </message>
        <message>
            <source>Storing the examination in a case</source>
            <translation>Шинжилгээг хэрэгт хадгалж байна</translation>
        </message>
        <message>
            <source>Building the report</source>
            <translation>Тайланг үүсгэж байна</translation>
        </message>
        <message>
            <source>Rendering the pages to check</source>
            <translation>Шалгах хуудсуудыг зурж байна</translation>
        </message>
        <message>
            <source>Preparing the report</source>
            <translation>Тайланг бэлтгэж байна</translation>
        </message>
        <message>
            <source>Conclude and submit</source>
            <translation>Дүгнээд хяналтад илгээх</translation>
        </message>
        <message>
            <source>Not submitted: {error}</source>
            <translation>Илгээгдсэнгүй: {error}</translation>
        </message>
        <message>
            <source>Not signed</source>
            <translation>Гарын үсэг зураагүй</translation>
        </message>
        <message>
            <source>Nothing to sign: prepare the report first</source>
            <translation>Гарын үсэг зурах зүйл алга: эхлээд тайланг бэлтгэнэ үү</translation>
        </message>
        <message>
            <source>Signing the report</source>
            <translation>Тайланд гарын үсэг зурж байна</translation>
        </message>
        <message>
            <source>Signed report written to {path} (signed by {signer}, recorded with examination {id})</source>
            <translation>Гарын үсэгтэй тайланг {path}-д бичсэн ({signer} гарын үсэг зурсан, {id} шинжилгээнд бүртгэсэн)</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Тайлан</translation>
        </message>
        <message>
            <source>Concluding the examination</source>
            <translation>Шинжилгээг дүгнэж байна</translation>
        </message>
        <message>
            <source>Storing the signed report</source>
            <translation>Гарын үсэг зурсан тайланг хадгалж байна</translation>
        </message>
        <message>
            <source>Submitting for review</source>
            <translation>Хяналтад илгээж байна</translation>
        </message>
        <message>
            <source>Concluded and submitted for review: case {case}, examination {id} (report signed by {signer})</source>
            <translation>Дүгнээд хяналтад илгээсэн: {case} хэрэг, {id} шинжилгээ (тайланд {signer} гарын үсэг зурсан)</translation>
        </message>
        <message>
            <source>Saving the findings</source>
            <translation>Ажиглалтыг хадгалж байна</translation>
        </message>
        <message>
            <source>Opening the case database</source>
            <translation>Хэргийн өгөгдлийн санг нээж байна</translation>
        </message>
        <message>
            <source>Choosing the user</source>
            <translation>Хэрэглэгчийг сонгож байна</translation>
        </message>
        <message>
            <source>Already signing in: wait for it to finish</source>
            <translation>Нэвтрэлт аль хэдийн явагдаж байна: дуусахыг хүлээнэ үү</translation>
        </message>
        <message>
            <source>Signing in {name}</source>
            <translation>{name} нэвтэрч байна</translation>
        </message>
        <message>
            <source>Signing in</source>
            <translation>Нэвтэрч байна</translation>
        </message>
        <message>
            <source>{task} failed: {error}</source>
            <translation>{task} амжилтгүй: {error}</translation>
        </message>
        <message>
            <source>author specimen</source>
            <translation>жишиг үүсгэх</translation>
        </message>
        <message>
            <source>preview specimen</source>
            <translation>жишгийг урьдчилан харах</translation>
        </message>
        <message>
            <source>writing the package</source>
            <translation>багцыг бичиж байна</translation>
        </message>
        <message>
            <source>export specimen</source>
            <translation>жишгийг экспортлох</translation>
        </message>
        <message>
            <source>examining {name}</source>
            <translation>{name}-г шинжилж байна</translation>
        </message>
        <message>
            <source>Placing document {number} of {total}…</source>
            <translation>{total}-с {number} дэх баримт бичгийг байрлуулж байна…</translation>
        </message>
        <message>
            <source>Document {number}</source>
            <translation>Баримт бичиг {number}</translation>
        </message>
        <message>
            <source>Checks of document {number}</source>
            <translation>Баримт бичиг {number}-ийн шалгалт</translation>
        </message>
        <message>
            <source>Storing the course</source>
            <translation>Сургалтыг хадгалж байна</translation>
        </message>
    </context>
    <context>
        <name>signing</name>
        <message>
            <source>Sign and submit for review</source>
            <translation>Гарын үсэг зурж хяналтад илгээх</translation>
        </message>
        <message>
            <source>Countersign and approve</source>
            <translation>Хянан баталгаажуулж батлах</translation>
        </message>
        <message>
            <source>Sign and write the report</source>
            <translation>Гарын үсэг зурж тайланг бичих</translation>
        </message>
        <message>
            <source>Check the report. Confirming signs it with the key below, concludes the examination and submits it for review; the findings are then final.</source>
            <translation>Тайланг шалгана уу. Баталгаажуулснаар доорх түлхүүрээр гарын үсэг зурж, шинжилгээг дүгнэн хяналтад илгээнэ; үүний дараа ажиглалт эцсийнх болно.</translation>
        </message>
        <message>
            <source>Check the examiner's report. Confirming adds your countersignature with the key below and records the approval.</source>
            <translation>Шинжээчийн тайланг шалгана уу. Баталгаажуулснаар доорх түлхүүрээр таны хянан баталгаажуулсан гарын үсгийг нэмж, батламжийг бүртгэнэ.</translation>
        </message>
        <message>
            <source>Check the report. Confirming signs it with the key below, records it with the examination and writes the file.</source>
            <translation>Тайланг шалгана уу. Баталгаажуулснаар доорх түлхүүрээр гарын үсэг зурж, шинжилгээнд бүртгээд файлыг бичнэ.</translation>
        </message>
        <message>
            <source>Conclude and submit for review</source>
            <translation>Дүгнээд хяналтад илгээх</translation>
        </message>
        <message>
            <source>Approve and countersign</source>
            <translation>Батлаад хянан баталгаажуулах</translation>
        </message>
        <message>
            <source>Sign the report</source>
            <translation>Тайланд гарын үсэг зурах</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>Гарын үсэг зурах</translation>
        </message>
        <message>
            <source>Page {n} of {total}</source>
            <translation>{total}-ийн {n}-р хуудас</translation>
        </message>
        <message>
            <source>The pages cannot be shown here: {problem}</source>
            <translation>Хуудсуудыг энд харуулах боломжгүй: {problem}</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Гарын үсэг зурсан</translation>
        </message>
        <message>
            <source>Certificate issued by</source>
            <translation>Гэрчилгээ олгосон</translation>
        </message>
        <message>
            <source>Serial</source>
            <translation>Серийн дугаар</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Хүчинтэй хугацаа</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Түлхүүр</translation>
        </message>
        <message>
            <source>Signature field</source>
            <translation>Гарын үсгийн талбар</translation>
        </message>
        <message>
            <source>Written to</source>
            <translation>Бичих газар</translation>
        </message>
        <message>
            <source>Sign report</source>
            <translation>Тайланд гарын үсэг зурах</translation>
        </message>
        <message>
            <source>Sign with PKCS#12 file</source>
            <translation>PKCS#12 файлаар гарын үсэг зурах</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
            <translation>PKCS#12 (*.p12 *.pfx);;Бүх файл (*)</translation>
        </message>
        <message>
            <source>Not signed: {error}</source>
            <translation>Гарын үсэг зураагүй: {error}</translation>
        </message>
        <message>
            <source>Sign with PKCS#12</source>
            <translation>PKCS#12-аар гарын үсэг зурах</translation>
        </message>
        <message>
            <source>Password of {file}:</source>
            <translation>{file}-ийн нууц үг:</translation>
        </message>
    </context>
    <context>
        <name>simulator</name>
        <message>
            <source>Guilloche imitated</source>
            <translation>Гильош хээг дуурайлгасан</translation>
        </message>
        <message>
            <source>Relief missing (flat print)</source>
            <translation>Товгор алга (хавтгай хэвлэл)</translation>
        </message>
        <message>
            <source>Watermark printed on the surface</source>
            <translation>Усан тэмдгийг гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>Perforation printed, not punched</source>
            <translation>Цооролтыг цоолоогүй, хэвлэсэн</translation>
        </message>
        <message>
            <source>Fibres printed on the surface</source>
            <translation>Утсыг гадаргуу дээр хэвлэсэн</translation>
        </message>
        <message>
            <source>Ghost image of another face</source>
            <translation>Өөр хүний нүүрний сүүдэр зураг</translation>
        </message>
        <message>
            <source>Microprint reduced to a line</source>
            <translation>Бичил хэвлэлийг зураас болгосон</translation>
        </message>
        <message>
            <source>Laminate pattern missing (coaxial)</source>
            <translation>Ламинатын хээ алга (коаксиаль)</translation>
        </message>
        <message>
            <source>UV 254 print imitated</source>
            <translation>ХЯТ 254 хэвлэлийг дуурайлгасан</translation>
        </message>
        <message>
            <source>Chip: DG1 of another holder</source>
            <translation>Чип: өөр эзэмшигчийн DG1</translation>
        </message>
        <message>
            <source>Chip: another person's face</source>
            <translation>Чип: өөр хүний нүүр</translation>
        </message>
        <message>
            <source>Chip: signed by an unknown signer</source>
            <translation>Чип: үл мэдэгдэх гарын үсэг зурагч баталсан</translation>
        </message>
        <message>
            <source>Chip: DG2 replaced after signing</source>
            <translation>Чип: гарын үсэг зурсны дараа DG2-г сольсон</translation>
        </message>
    </context>
    <context>
        <name>specimen editor</name>
        <message>
            <source>no specimen yet: author one from genuine captures</source>
            <translation>жишиг хараахан алга: жинхэнэ зураг авалтаас үүсгэнэ үү</translation>
        </message>
        <message>
            <source>Specimen editor</source>
            <translation>Жишгийн засварлагч</translation>
        </message>
        <message>
            <source>varies with the holder</source>
            <translation>эзэмшигчээс хамаарч өөрчлөгдөнө</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Дугаар</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>width</source>
            <translation>өргөн</translation>
        </message>
        <message>
            <source>height</source>
            <translation>өндөр</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Хэрэглэх</translation>
        </message>
        <message>
            <source>the new specimen's id (state-code-series, e.g. MNG-P-2021)</source>
            <translation>шинэ жишгийн дугаар (улс-код-цуврал, жишээ нь MNG-P-2021)</translation>
        </message>
        <message>
            <source>Specimen id</source>
            <translation>Жишгийн дугаар</translation>
        </message>
        <message>
            <source>Add capture…</source>
            <translation>Зураг авалт нэмэх…</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>Үүсгэх</translation>
        </message>
        <message>
            <source>Add zone</source>
            <translation>Бүс нэмэх</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Устгах</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Буцаах</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Дахин хийх</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Урьдчилан харах</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Экспортлох…</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Гарчиг</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Цуврал</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>хүчинтэй</translation>
        </message>
        <message>
            <source>to</source>
            <translation>хүртэл</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Тогтоох</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Бүсүүд</translation>
        </message>
        <message>
            <source>Preview (each exemplar against the draft)</source>
            <translation>Урьдчилан харах (хувь бүрийг ноороготой харьцуулах)</translation>
        </message>
        <message>
            <source>failed: {error}</source>
            <translation>амжилтгүй: {error}</translation>
        </message>
        <message>
            <source>exported to {path}</source>
            <translation>{path}-д экспортолсон</translation>
        </message>
        <message>
            <source>under {light}</source>
            <translation>{light}-д</translation>
        </message>
        <message>
            <source>A genuine capture folder</source>
            <translation>Жинхэнэ зураг авалтын хавтас</translation>
        </message>
        <message numerus="yes">
            <source>%n capture(s): {folders}</source>
            <translation>
                <numerusform>%n зураг авалт: {folders}</numerusform>
                <numerusform>%n зураг авалт: {folders}</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the specimen package</source>
            <translation>Жишгийн багцыг экспортлох</translation>
        </message>
        <message>
            <source>Specimen package (*.zip)</source>
            <translation>Жишгийн багц (*.zip)</translation>
        </message>
        <message numerus="yes">
            <source>preview: %n exemplar(s) examined against the draft</source>
            <translation>
                <numerusform>урьдчилан харах: %n хувийг ноороготой харьцуулан шинжилсэн</numerusform>
                <numerusform>урьдчилан харах: %n хувийг ноороготой харьцуулан шинжилсэн</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) ran</source>
            <translation>
                <numerusform>%n шалгалт хийсэн</numerusform>
                <numerusform>%n шалгалт хийсэн</numerusform>
            </translation>
        </message>
        <message>
            <source>; failed: {checks}</source>
            <translation>; тэнцээгүй: {checks}</translation>
        </message>
        <message>
            <source>; none failed</source>
            <translation>; бүгд тэнцсэн</translation>
        </message>
    </context>
    <context>
        <name>specimens</name>
        <message>
            <source>Utopia passport, 2020 series, data page</source>
            <translation>Утопи улсын паспорт, 2020 оны цуврал, мэдээллийн хуудас</translation>
        </message>
        <message>
            <source>Utopia identity card, 2021 series</source>
            <translation>Утопи улсын иргэний үнэмлэх, 2021 оны цуврал</translation>
        </message>
    </context>
    <context>
        <name>statuses</name>
        <message>
            <source>draft</source>
            <translation>ноорог</translation>
        </message>
        <message>
            <source>open</source>
            <translation>нээлттэй</translation>
        </message>
        <message>
            <source>concluded</source>
            <translation>дүгнэсэн</translation>
        </message>
        <message>
            <source>under review</source>
            <translation>хяналтад</translation>
        </message>
        <message>
            <source>approved</source>
            <translation>баталсан</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>буцаасан</translation>
        </message>
    </context>
    <context>
        <name>tools</name>
        <message>
            <source>Pan</source>
            <translation>Шилжүүлэх</translation>
        </message>
        <message>
            <source>Ruler</source>
            <translation>Хэмжих шугам</translation>
        </message>
        <message>
            <source>Angle</source>
            <translation>Өнцөг</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Тэгш өнцөгт</translation>
        </message>
        <message>
            <source>Arrow</source>
            <translation>Сум</translation>
        </message>
    </context>
    <context>
        <name>trainer</name>
        <message>
            <source>Courses (*.json)</source>
            <translation>Сургалтууд (*.json)</translation>
        </message>
        <message>
            <source>Trainer — Document examination</source>
            <translation>Сургагч — Баримт бичгийн шинжилгээ</translation>
        </message>
        <message>
            <source>Choose a course.</source>
            <translation>Сургалт сонгоно уу.</translation>
        </message>
        <message>
            <source>Start the course</source>
            <translation>Сургалтыг эхлүүлэх</translation>
        </message>
        <message>
            <source>Open a course file…</source>
            <translation>Сургалтын файл нээх…</translation>
        </message>
        <message>
            <source>New course…</source>
            <translation>Шинэ сургалт…</translation>
        </message>
        <message>
            <source>Edit as a new course…</source>
            <translation>Шинэ сургалт болгон засах…</translation>
        </message>
        <message>
            <source>Courses</source>
            <translation>Сургалтууд</translation>
        </message>
        <message>
            <source>The course</source>
            <translation>Сургалт</translation>
        </message>
        <message>
            <source>{verdict}   ({key})</source>
            <translation>{verdict}   ({key})</translation>
        </message>
        <message>
            <source>Submit the answer</source>
            <translation>Хариултыг илгээх</translation>
        </message>
        <message>
            <source>Your conclusion</source>
            <translation>Таны дүгнэлт</translation>
        </message>
        <message>
            <source>Forgery kind</source>
            <translation>Хуурамчлалын төрөл</translation>
        </message>
        <message>
            <source>Next document</source>
            <translation>Дараагийн баримт</translation>
        </message>
        <message>
            <source>The automated checks</source>
            <translation>Автомат шалгалтууд</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Шалгалт</translation>
        </message>
        <message>
            <source>Says</source>
            <translation>Үр дүн</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Баримт</translation>
        </message>
        <message>
            <source>Shown</source>
            <translation>Харуулсан</translation>
        </message>
        <message>
            <source>Recognised</source>
            <translation>Таньсан</translation>
        </message>
        <message>
            <source>Kind named</source>
            <translation>Төрлийг зөв нэрлэсэн</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Гэрэл</translation>
        </message>
        <message>
            <source>Forgeries it shows</source>
            <translation>Илрүүлдэг хуурамчлал</translation>
        </message>
        <message>
            <source>Choose another course</source>
            <translation>Өөр сургалт сонгох</translation>
        </message>
        <message>
            <source>Per forgery kind</source>
            <translation>Хуурамчлалын төрлөөр</translation>
        </message>
        <message>
            <source>Per light</source>
            <translation>Гэрлээр</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} мин</translation>
        </message>
        <message>
            <source>none</source>
            <translation>алга</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s), about {percent} % genuine. Lights: {lights}. Time limit: {limit}. Automated checks: {checks}.</source>
            <translation>
                <numerusform>%n баримт, ойролцоогоор {percent} % жинхэнэ. Гэрэл: {lights}. Хугацааны хязгаар: {limit}. Автомат шалгалт: {checks}.</numerusform>
                <numerusform>%n баримт, ойролцоогоор {percent} % жинхэнэ. Гэрэл: {lights}. Хугацааны хязгаар: {limit}. Автомат шалгалт: {checks}.</numerusform>
            </translation>
        </message>
        <message>
            <source>shown</source>
            <translation>харуулна</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>хаалттай</translation>
        </message>
        <message>
            <source>Forgeries you may meet:</source>
            <translation>Таарч болох хуурамчлалууд:</translation>
        </message>
        <message numerus="yes">
            <source>{title}  (%n document(s))</source>
            <translation>
                <numerusform>{title}  (%n баримт)</numerusform>
                <numerusform>{title}  (%n баримт)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open a course</source>
            <translation>Сургалт нээх</translation>
        </message>
        <message>
            <source>Course refused</source>
            <translation>Сургалтыг хүлээж авсангүй</translation>
        </message>
        <message>
            <source>Placing the first document…</source>
            <translation>Эхний баримтыг тавьж байна…</translation>
        </message>
        <message>
            <source>Document {number} of {total}</source>
            <translation>{total}-ийн {number}-р баримт</translation>
        </message>
        <message numerus="yes">
            <source>%n mark(s). Mark where you see the forgery: the rectangle tool (M), then two corners; Ctrl+Z removes the last mark.</source>
            <translation>
                <numerusform>%n тэмдэглэгээ. Хуурамчлалыг харсан газраа тэмдэглэнэ үү: тэгш өнцөгт хэрэгсэл (M), дараа нь хоёр булан; Ctrl+Z сүүлийн тэмдэглэгээг устгана.</numerusform>
                <numerusform>%n тэмдэглэгээ. Хуурамчлалыг харсан газраа тэмдэглэнэ үү: тэгш өнцөгт хэрэгсэл (M), дараа нь хоёр булан; Ctrl+Z сүүлийн тэмдэглэгээг устгана.</numerusform>
            </translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Зөв</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>Хариултгүй</translation>
        </message>
        <message>
            <source>Wrong</source>
            <translation>Буруу</translation>
        </message>
        <message>
            <source>Document {number}: {result} — {points} points</source>
            <translation>{number}-р баримт: {result} — {points} оноо</translation>
        </message>
        <message>
            <source>Where: {zone}; shows under {lights}.</source>
            <translation>Хаана: {zone}; {lights}-д харагдана.</translation>
        </message>
        <message>
            <source>the whole page</source>
            <translation>хуудас бүхэлдээ</translation>
        </message>
        <message>
            <source>Edit applied at {percent} %.</source>
            <translation>Өөрчлөлтийг {percent} %-иар хэрэглэсэн.</translation>
        </message>
        <message>
            <source>on the forgery</source>
            <translation>хуурамчлал дээр</translation>
        </message>
        <message>
            <source>not on the forgery</source>
            <translation>хуурамчлал дээр биш</translation>
        </message>
        <message>
            <source>You said: {said}&lt;br&gt;Your marks: {marks}, {located}&lt;br&gt;Time: {seconds} s</source>
            <translation>Таны хариулт: {said}&lt;br&gt;Таны тэмдэглэгээ: {marks}, {located}&lt;br&gt;Хугацаа: {seconds} с</translation>
        </message>
        <message>
            <source>the forgery</source>
            <translation>хуурамчлал</translation>
        </message>
        <message>
            <source>See the score</source>
            <translation>Оноог харах</translation>
        </message>
        <message>
            <source>Placing the next document…</source>
            <translation>Дараагийн баримтыг тавьж байна…</translation>
        </message>
        <message>
            <source>Storing the course…</source>
            <translation>Сургалтыг хадгалж байна…</translation>
        </message>
        <message>
            <source>Evidence: {check}</source>
            <translation>Нотлох баримт: {check}</translation>
        </message>
        <message>
            <source>{time} elapsed</source>
            <translation>{time} өнгөрсөн</translation>
        </message>
        <message>
            <source>{time} left</source>
            <translation>{time} үлдсэн</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Тэнцсэн</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>Тэнцээгүй</translation>
        </message>
        <message>
            <source>Stored under your name. A supervisor issues the signed certificate of a passed course (Tools ▸ Trainees' progress).</source>
            <translation>Таны нэр дээр хадгалсан. Тэнцсэн сургалтын гарын үсэгтэй гэрчилгээг хянагч олгоно (Хэрэгсэл ▸ Суралцагчдын ахиц).</translation>
        </message>
        <message>
            <source>Not stored (no case database).</source>
            <translation>Хадгалаагүй (хэргийн өгөгдлийн сан алга).</translation>
        </message>
        <message>
            <source>The time limit ended the course.</source>
            <translation>Хугацаа дуусч сургалт төгссөн.</translation>
        </message>
        <message>
            <source>&lt;b&gt;{percent} %&lt;/b&gt; of the points ({points} of {total}).</source>
            <translation>Онооны &lt;b&gt;{percent} %&lt;/b&gt; ({total}-аас {points}).</translation>
        </message>
        <message>
            <source>Forgeries missed: {missed}. Genuine documents called forged: {false_alarms}. Can't tell: {unsure}.&lt;br&gt;Time: {minutes} min.</source>
            <translation>Алдсан хуурамчлал: {missed}. Хуурамч гэж нэрлэсэн жинхэнэ баримт: {false_alarms}. Тодорхойгүй: {unsure}.&lt;br&gt;Хугацаа: {minutes} мин.</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Зогссон</translation>
        </message>
        <message>
            <source>Trainer</source>
            <translation>Сургагч</translation>
        </message>
        <message>
            <source>The case database is not open yet.</source>
            <translation>Хэргийн өгөгдлийн сан хараахан нээгдээгүй байна.</translation>
        </message>
    </context>
    <context>
        <name>training</name>
        <message>
            <source>Genuine documents</source>
            <translation>Жинхэнэ баримтууд</translation>
        </message>
        <message>
            <source>Portrait substituted</source>
            <translation>Цээж зураг сольсон</translation>
        </message>
        <message>
            <source>Reprint on office paper</source>
            <translation>Оффисын цаасан дээр дахин хэвлэсэн</translation>
        </message>
        <message>
            <source>Reprint on UV-dull paper</source>
            <translation>ХЯТ-д гэрэлтдэггүй цаасан дээр дахин хэвлэсэн</translation>
        </message>
        <message>
            <source>Printed data retyped</source>
            <translation>Хэвлэсэн мэдээллийг дахин бичсэн</translation>
        </message>
        <message>
            <source>MRZ retyped in IR-transparent ink</source>
            <translation>МУБ-ыг ХУТ-д алга болдог бэхээр дахин бичсэн</translation>
        </message>
        <message>
            <source>MRZ character altered</source>
            <translation>МУБ-ын тэмдэгт өөрчилсөн</translation>
        </message>
        <message>
            <source>UV feature erased</source>
            <translation>ХЯТ элементийг арилгасан</translation>
        </message>
        <message>
            <source>Background in IR-absorbing ink</source>
            <translation>Суурь хээг ХУТ шингээгч бэхээр хэвлэсэн</translation>
        </message>
        <message>
            <source>Background redrawn</source>
            <translation>Суурь хээг дахин зурсан</translation>
        </message>
        <message>
            <source>Genuine</source>
            <translation>Жинхэнэ</translation>
        </message>
        <message>
            <source>Forged</source>
            <translation>Хуурамч</translation>
        </message>
        <message>
            <source>Can't tell</source>
            <translation>Хэлж мэдэхгүй</translation>
        </message>
    </context>
    <context>
        <name>trends</name>
        <message>
            <source>Examinations</source>
            <translation>Шинжилгээ</translation>
        </message>
        <message>
            <source>Detected forgeries</source>
            <translation>Илэрсэн хуурамчлал</translation>
        </message>
        <message>
            <source>Flagged by the checks</source>
            <translation>Шалгалтаар тэмдэглэгдсэн</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(алга)</translation>
        </message>
        <message>
            <source>Issuing state</source>
            <translation>Олгосон улс</translation>
        </message>
        <message>
            <source>Document type</source>
            <translation>Баримт бичгийн төрөл</translation>
        </message>
        <message>
            <source>Series</source>
            <translation>Цуврал</translation>
        </message>
        <message>
            <source>Failed check</source>
            <translation>Тэнцээгүй шалгалт</translation>
        </message>
        <message>
            <source>Forgery kind</source>
            <translation>Хуурамчлалын төрөл</translation>
        </message>
        <message>
            <source>Conclusion</source>
            <translation>Дүгнэлт</translation>
        </message>
        <message>
            <source>Border point</source>
            <translation>Хилийн боомт</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Автомат үнэлгээ</translation>
        </message>
        <message>
            <source>Nothing</source>
            <translation>Юу ч үгүй</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Сүүлийн 30 хоног</translation>
        </message>
        <message>
            <source>Last 90 days</source>
            <translation>Сүүлийн 90 хоног</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>Сүүлийн 12 сар</translation>
        </message>
        <message>
            <source>Last 3 years</source>
            <translation>Сүүлийн 3 жил</translation>
        </message>
        <message>
            <source>Custom</source>
            <translation>Гараар</translation>
        </message>
        <message>
            <source>All border points</source>
            <translation>Бүх хилийн боомт</translation>
        </message>
        <message>
            <source>All issuing states</source>
            <translation>Бүх олгосон улс</translation>
        </message>
        <message>
            <source>All checks</source>
            <translation>Бүх шалгалт</translation>
        </message>
        <message>
            <source>All forgery kinds</source>
            <translation>Бүх хуурамчлалын төрөл</translation>
        </message>
        <message>
            <source>Forgeries</source>
            <translation>Хуурамчлал</translation>
        </message>
        <message>
            <source>Flagged</source>
            <translation>Тэмдэглэгдсэн</translation>
        </message>
        <message>
            <source>day</source>
            <translation>өдөр</translation>
        </message>
        <message>
            <source>week</source>
            <translation>долоо хоног</translation>
        </message>
        <message>
            <source>month</source>
            <translation>сар</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>улирал</translation>
        </message>
        <message>
            <source>year</source>
            <translation>жил</translation>
        </message>
        <message>
            <source>Save chart…</source>
            <translation>Графикийг хадгалах…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Шинэчлэх</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Хугацаа</translation>
        </message>
        <message>
            <source>to</source>
            <translation>хүртэл</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Харуулах</translation>
        </message>
        <message>
            <source>by</source>
            <translation>ангилал</translation>
        </message>
        <message>
            <source>Only</source>
            <translation>Зөвхөн</translation>
        </message>
        <message>
            <source>Count again (F5)</source>
            <translation>Дахин тоолох (F5)</translation>
        </message>
        <message>
            <source>Save the chart as PNG or SVG (Ctrl+Shift+S)</source>
            <translation>Графикийг PNG эсвэл SVG-ээр хадгалах (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>Тоолж байна…</translation>
        </message>
        <message>
            <source>{measure} per {bucket}, {since} to {until}</source>
            <translation>{measure}, {bucket} тутам, {since} – {until}</translation>
        </message>
        <message>
            <source>Examinations: {examinations} · forgeries: {forgeries} · flagged: {flagged}</source>
            <translation>Шинжилгээ: {examinations} · хуурамчлал: {forgeries} · тэмдэглэгдсэн: {flagged}</translation>
        </message>
        <message>
            <source>All examinations</source>
            <translation>Бүх шинжилгээ</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Бүгд</translation>
        </message>
        <message>
            <source>Save chart</source>
            <translation>Графикийг хадгалах</translation>
        </message>
        <message>
            <source>Chart saved: {path}</source>
            <translation>Графикийг хадгалсан: {path}</translation>
        </message>
        <message>
            <source>Could not save the chart: {error}</source>
            <translation>Графикийг хадгалж чадсангүй: {error}</translation>
        </message>
    </context>
    <context>
        <name>users</name>
        <message>
            <source>Who is examining?</source>
            <translation>Хэн шинжилж байна вэ?</translation>
        </message>
        <message>
            <source>Login name, e.g. aeriksson</source>
            <translation>Нэвтрэх нэр, жишээ нь aeriksson</translation>
        </message>
        <message>
            <source>Full name as shown in reports, e.g. Anna Eriksson</source>
            <translation>Тайланд харагдах бүтэн нэр, жишээ нь Anna Eriksson</translation>
        </message>
        <message>
            <source>Add account</source>
            <translation>Бүртгэл нэмэх</translation>
        </message>
        <message>
            <source>New local account</source>
            <translation>Шинэ дотоод бүртгэл</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Нэр</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>Харагдах нэр</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Үүрэг</translation>
        </message>
        <message>
            <source>Choose your account:</source>
            <translation>Бүртгэлээ сонгоно уу:</translation>
        </message>
        <message>
            <source>Added {user}.</source>
            <translation>{user}-г нэмсэн.</translation>
        </message>
        <message>
            <source>Choose an account or add one.</source>
            <translation>Бүртгэл сонгох эсвэл нэмнэ үү.</translation>
        </message>
    </context>
    <context>
        <name>verdicts</name>
        <message>
            <source>no anomaly</source>
            <translation>зөрчилгүй</translation>
        </message>
        <message>
            <source>anomalies</source>
            <translation>зөрчилтэй</translation>
        </message>
        <message>
            <source>inconclusive</source>
            <translation>тодорхойгүй</translation>
        </message>
    </context>
    <context>
        <name>views</name>
        <message>
            <source>Examination</source>
            <translation>Шинжилгээ</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Хэргүүд</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Хяналт</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>Чиг хандлага</translation>
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
            <translation>Зураасан код</translation>
        </message>
        <message>
            <source>Workstation — document examination</source>
            <translation>Ажлын байр — баримт бичгийн шинжилгээ</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Хаах</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Уншигч</translation>
        </message>
        <message>
            <source>Checks</source>
            <translation>Шалгалт</translation>
        </message>
        <message>
            <source>Examination</source>
            <translation>Шинжилгээ</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Бэлэн</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Цуцлах</translation>
        </message>
        <message>
            <source>Findings (submitted)</source>
            <translation>Ажиглалт (илгээсэн)</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Ажиглалт</translation>
        </message>
        <message>
            <source>Marked: {mark}</source>
            <translation>Тэмдэглэсэн: {mark}</translation>
        </message>
        <message>
            <source>{check}: no zone to show</source>
            <translation>{check}: харуулах бүс алга</translation>
        </message>
        <message>
            <source>Warming up</source>
            <translation>Ажилд бэлтгэж байна</translation>
        </message>
        <message>
            <source>Opening the reader</source>
            <translation>Уншигчийг нээж байна</translation>
        </message>
    </context>
    <context>
        <name>workers</name>
        <message>
            <source>{task} cancelled</source>
            <translation>{task}: цуцлагдсан</translation>
        </message>
        <message>
            <source>{task} failed: {error}</source>
            <translation>{task} амжилтгүй: {error}</translation>
        </message>
    </context>
    <context>
        <name>zone overlay</name>
        <message>
            <source>glows</source>
            <translation>гэрэлтэнэ</translation>
        </message>
        <message>
            <source>dull</source>
            <translation>гэрэлтэхгүй</translation>
        </message>
        <message>
            <source>visible</source>
            <translation>харагдана</translation>
        </message>
        <message>
            <source>invisible</source>
            <translation>алга болно</translation>
        </message>
        <message>
            <source>matches</source>
            <translation>тохирно</translation>
        </message>
        <message>
            <source>barcode</source>
            <translation>зураасан код</translation>
        </message>
        <message>
            <source>relief</source>
            <translation>товгор</translation>
        </message>
        <message>
            <source>see-through</source>
            <translation>нэвт харагдана</translation>
        </message>
        <message>
            <source>perforated</source>
            <translation>цоолсон</translation>
        </message>
        <message>
            <source>retro-reflects</source>
            <translation>ойлтот</translation>
        </message>
        <message>
            <source>fibres</source>
            <translation>утас</translation>
        </message>
        <message>
            <source>microprint</source>
            <translation>бичил хэвлэл</translation>
        </message>
        <message>
            <source>ghost</source>
            <translation>сүүдэр зураг</translation>
        </message>
    </context>
    <context>
        <name>zones</name>
        <message>
            <source>machine readable zone</source>
            <translation>машинаар уншигдах бүс</translation>
        </message>
        <message>
            <source>PDF417 with the holder's data (AAMVA)</source>
            <translation>эзэмшигчийн мэдээлэлтэй PDF417 (AAMVA)</translation>
        </message>
        <message>
            <source>digital seal (DataMatrix, ICAO 9303-13)</source>
            <translation>цахим тамга (DataMatrix, ИКАО 9303-13)</translation>
        </message>
        <message>
            <source>guilloche background</source>
            <translation>гильош суурь хээ</translation>
        </message>
        <message>
            <source>holder's portrait</source>
            <translation>эзэмшигчийн цээж зураг</translation>
        </message>
        <message>
            <source>holder's signature</source>
            <translation>эзэмшигчийн гарын үсэг</translation>
        </message>
        <message>
            <source>luminescent pattern across the portrait's edge</source>
            <translation>цээж зургийн захаар дамжих гэрэлтэгч хээ</translation>
        </message>
        <message>
            <source>luminescent state emblem</source>
            <translation>гэрэлтэгч төрийн сүлд</translation>
        </message>
        <message>
            <source>machine readable zone (carbon ink)</source>
            <translation>машинаар уншигдах бүс (нүүрстөрөгчийн бэх)</translation>
        </message>
        <message>
            <source>printed birth date</source>
            <translation>хэвлэсэн төрсөн огноо</translation>
        </message>
        <message>
            <source>printed document number</source>
            <translation>хэвлэсэн баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>printed expiry date</source>
            <translation>хэвлэсэн дуусах хугацаа</translation>
        </message>
        <message>
            <source>printed given names</source>
            <translation>хэвлэсэн нэр</translation>
        </message>
        <message>
            <source>printed nationality</source>
            <translation>хэвлэсэн иргэншил</translation>
        </message>
        <message>
            <source>printed sex</source>
            <translation>хэвлэсэн хүйс</translation>
        </message>
        <message>
            <source>printed surname</source>
            <translation>хэвлэсэн овог</translation>
        </message>
        <message>
            <source>seal in IR-absorbing ink</source>
            <translation>ХУТ шингээгч бэхээр хэвлэсэн тамга</translation>
        </message>
        <message>
            <source>state name (IR-dropout ink)</source>
            <translation>улсын нэр (ХУТ-д алга болдог бэх)</translation>
        </message>
        <message>
            <source>substrate without personalisation</source>
            <translation>хувийн мэдээлэлгүй суурь</translation>
        </message>
        <message>
            <source>false luminescence</source>
            <translation>илүүдэл гэрэлтэлт</translation>
        </message>
        <message>
            <source>page</source>
            <translation>хуудас</translation>
        </message>
        <message>
            <source>state name in intaglio print</source>
            <translation>улсын нэр (гүн хэвлэл)</translation>
        </message>
        <message>
            <source>dry seal (blind embossing) over the portrait's corner</source>
            <translation>цээж зургийн булан дээрх хуурай тамга (өнгөгүй товойлгол)</translation>
        </message>
        <message>
            <source>multi-tone watermark</source>
            <translation>олон өнгө аястай усан тэмдэг</translation>
        </message>
        <message>
            <source>see-through register (half on each side)</source>
            <translation>нэвт харагдах давхцал (тал бүрт хагас)</translation>
        </message>
        <message>
            <source>laser-perforated document number</source>
            <translation>лазераар цоолсон баримт бичгийн дугаар</translation>
        </message>
        <message>
            <source>retro-reflective laminate pattern</source>
            <translation>ойлтот ламинатын хээ</translation>
        </message>
        <message>
            <source>short-wave UV print (254 nm only)</source>
            <translation>богино долгионы ХЯТ-ийн хэвлэл (зөвхөн 254 нм)</translation>
        </message>
        <message>
            <source>luminescent security fibres</source>
            <translation>гэрэлтэгч хамгаалалтын утас</translation>
        </message>
        <message>
            <source>ghost image of the portrait</source>
            <translation>цээж зургийн сүүдэр зураг</translation>
        </message>
        <message>
            <source>microprint line</source>
            <translation>бичил хэвлэлийн мөр</translation>
        </message>
        <message>
            <source>portrait</source>
            <translation>цээж зураг</translation>
        </message>
    </context>
</TS>
