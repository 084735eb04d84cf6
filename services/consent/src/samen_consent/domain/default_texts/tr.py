"""Turkish translation (unreviewed)."""

from __future__ import annotations

from typing import Final

_CLOSE: Final = "Hayır diyebilirsiniz. Evet derseniz, bunu daha sonra her zaman geri alabilirsiniz."

TEXTS: Final = {
    "engage_swv": (
        "Bölgesel okul birliğinden yardım istemek",
        "Çocuğunuzun, okulun tek başına verebileceğinden daha fazla yardıma ihtiyacı var. "
        "Bu yüzden bölgesel okul birliğinden (samenwerkingsverband) yardım istemek istiyoruz. "
        "Bu birlik, bölgedeki okulların oluşturduğu bir gruptur. "
        "Birlikte ek yardım sağlarlar. "
        "Onlara çocuğunuzun neye ihtiyacı olduğunu anlatacağız. "
        "Böylece sizinle birlikte en iyi yardımı ararız. " + _CLOSE,
    ),
    "mdo_request": (
        "Çocuğunuz hakkında bir uzmanla görüşme (MDO)",
        "Çocuğunuz hakkında bir görüşme planlamak istiyoruz. Buna MDO denir. "
        "Siz de bu görüşmeye katılırsınız. "
        "Öğretmen, okulun destek koordinatörü (intern begeleider) ve okul birliğinden "
        "bir danışman da katılır. "
        "Çocuğunuzun neye ihtiyacı olduğunu konuşuruz. "
        "Sizin neye ihtiyacınız olduğunu da konuşuruz. "
        "Bunun için çocuğunuz hakkındaki bilgileri okul birliğinin danışmanıyla paylaşırız. "
        + _CLOSE,
    ),
    "preventive_support": (
        "Zamanında ek yardım",
        "Çocuğunuza şimdiden ek yardım vermek istiyoruz. "
        "Böylece küçük sorunlar büyümez. "
        "Okul birliğinden bir danışman bize bu konuda yardım eder. "
        "Bunun için danışman çocuğunuz hakkında bilgi alır. "
        "Çocuğunuzun hangi yardımı alacağına sizinle birlikte karar veririz. " + _CLOSE,
    ),
    "share_file": (
        "Gelişim dosyasını başkalarıyla paylaşmak",
        "Gelişim dosyası (groeidocument), çocuğunuz hakkındaki dosyadır. "
        "Bu dosyayı okulla birlikte doldurursunuz. "
        "Dosyayı, okul dışında çocuğunuza yardım eden kişilerle paylaşmak istiyoruz. "
        "Örneğin okul birliğinden bir danışman veya bir gençlik yardım çalışanı. "
        "Onlar dosyayı sadece çocuğunuza daha iyi yardım etmek için okurlar. "
        "Dosyayı kiminle paylaştığımızı bize her zaman sorabilirsiniz. " + _CLOSE,
    ),
    "arrangement": (
        "Arrangement: ek yardım paketi",
        "Çocuğunuz için bir arrangement başvurusu yapmak istiyoruz. "
        "Bu, bir ek yardım paketidir. Örneğin sınıfta ek destek. "
        "Bu yardıma okul birliği karar verir. "
        "Bunun için çocuğunuz hakkındaki bilgileri okul birliğiyle paylaşırız. "
        "Yardımı sizinle birlikte seçeriz. " + _CLOSE,
    ),
    "opp_action_part": (
        "Çocuğunuzun planını onaylamak (OPP)",
        "Sizinle birlikte çocuğunuz için bir plan hazırladık. Bu plana OPP denir. "
        "Eylem bölümünde (handelingsdeel) çocuğunuzun hangi yardımı alacağı yazar. "
        "Bu yardımı kimin ve ne zaman vereceği de yazar. "
        "Bu bölümü kabul edip etmediğinizi soruyoruz. "
        "Onayınız olmadan bu bölümü uygulamayız. "
        "Hayır diyebilirsiniz. O zaman birlikte konuşmaya devam ederiz. "
        "Evet derseniz, bunu daha sonra her zaman geri alabilirsiniz.",
    ),
    "assessment": (
        "Çocuğunuzun nasıl öğrendiğine dair bir inceleme",
        "Çocuğunuzun bir psikolog veya eğitim uzmanı (orthopedagoog) tarafından "
        "incelenmesini istiyoruz. "
        "Uzman, çocuğunuzun nasıl öğrendiğine, düşündüğüne ve kendini nasıl hissettiğine "
        "bakar. Böylece hangi yardımın uygun olduğunu daha iyi biliriz. "
        "Sonuçları size bildiririz ve birlikte konuşuruz. "
        "Çocuğunuz 12 yaşında veya daha büyük mü? O zaman çocuğunuza da sorarız. "
        "16 yaşından itibaren çocuğunuz kendisi karar verir. " + _CLOSE,
    ),
}
