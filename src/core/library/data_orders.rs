//! Templates for billing, refunds, late orders and faulty products.

use super::{Contact, LibTemplate, Texts};
use crate::core::scenario::Scenario::*;

pub(super) const TEMPLATES: &[LibTemplate] = &[
    LibTemplate {
        id: "billing-unexpected-charge",
        scenarios: &[Billing],
        tags: &["charge", "bill", "payment", "charged", "invoice", "cargo", "cobro", "factura", "pago"],
        contact: Contact::Any,
        en: Texts::both(
            "Unexpected charge",
            "[[An unexpected charge is worrying|I understand why that charge is a worry]], {customer.first_name|I'm sorry}. \
             Please send us a DM and I'll go through it with you and put it right if it's wrong. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry about the surprise on your bill|I understand why that charge is a worry|I'm sorry for the confusion over this charge|an unexpected charge is worrying, and I'm sorry]]; let's get to the bottom of it.\n\n\
             Could you tell me the date and amount of the charge and the email on your account? Please don't send card numbers. \
             I'll check it and tell you by {?when:When you'll get back to them:time} what it is and what I can do.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Cargo inesperado",
            "[[Siento el susto por ese cargo|Entiendo que ese cargo te preocupe]], {customer.first_name|y gracias por avisarnos}. \
             Escríbenos por privado y lo revisamos juntos; si es un error, lo corrijo. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Siento el susto con la factura|Entiendo que ese cargo te preocupe|Siento lo de ese cargo en tu factura|Perdona la confusión con ese cargo]]; vamos a aclararlo.\n\n\
             ¿Me dices la fecha y el importe del cargo y el correo de tu cuenta? No me envíes números de tarjeta. \
             Lo reviso y a más tardar {?when:Cuándo le responderás:time} te explico qué es y qué puedo hacer.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "billing-double-charge",
        scenarios: &[Billing, Refund],
        tags: &["double", "twice", "duplicate", "charged twice", "doble", "dos veces", "duplicado"],
        contact: Contact::Any,
        en: Texts::dm_only(
            "Charged twice: second payment cancelled",
            "Hi {customer.first_name|there}, you're right: we charged you twice, and [[I'm sorry|I apologise|I'm sorry for the trouble]].\n\n\
             I've cancelled the second payment of {?amount:Amount charged twice:number}. \
             It will be back in your account within {?days:How long the reversal takes:time}; \
             the exact day depends on your bank. I'll check {?check_date:When you'll check (tomorrow, on Friday…):date} that it has gone through.\n\n{agent.first_name}",
        ),
        es: Texts::dm_only(
            "Cobro duplicado: segundo pago anulado",
            "Hola, {customer.first_name|qué tal}. Tienes razón: te cobramos dos veces y [[lo siento|te pido disculpas|siento el lío]].\n\n\
             He anulado el segundo pago de {?amount:Importe cobrado de más:number}. \
             Lo tendrás de vuelta en {?days:Cuánto tarda la devolución:time}; el día exacto depende de tu banco. \
             Compruebo {?check_date:Cuándo lo comprobarás (mañana, el viernes…):date} que se ha completado.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "billing-explain-charge",
        scenarios: &[Billing, HowTo],
        tags: &["explain", "what is this charge", "bill", "explicar", "qué es este cargo", "factura"],
        contact: Contact::Any,
        en: Texts::dm_only(
            "Explain a charge",
            "Hi {customer.first_name|there}, [[thanks for waiting|thank you for bearing with me|I'm sorry for the worry, and thanks for waiting|sorry this has been confusing, and thank you for your patience]] while I checked.\n\n\
             The charge of {?amount:Amount:number} on {?date:Date of the charge:date} is for {?reason:What the charge is for, in plain words}.\n\n\
             If that doesn't match what you expected, tell me and I'll look again.\n\n{agent.first_name}",
        ),
        es: Texts::dm_only(
            "Explicar un cargo",
            "Hola, {customer.first_name|qué tal}. [[Gracias|Muchas gracias|Siento la preocupación, y gracias|Perdona la preocupación, y gracias]] por esperar mientras lo revisaba.\n\n\
             El cargo de {?amount:Importe:number} del {?date:Fecha del cargo:date} corresponde a {?reason:A qué corresponde, en palabras sencillas}.\n\n\
             Si no es lo que esperabas, dímelo y lo reviso de nuevo.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "refund-acknowledge",
        scenarios: &[Refund],
        tags: &["refund", "money back", "return", "reembolso", "devolución", "devolver dinero", "el dinero", "devolverme", "reembolsar", "pueden devolver", "puede devolver", "podrian devolver", "devuelvan"],
        contact: Contact::Any,
        en: Texts::both(
            "Help with a refund",
            "Hi {customer.first_name|there}, [[thanks for reaching out|thank you for telling us|I'm sorry this didn't work out|I'm sorry about this]]. \
             I can help with a refund: please send us a DM so we can look at your order privately. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[thanks for reaching out|thank you for telling us|I'm sorry this didn't work out|I'm sorry about this]]; I can help with a refund.\n\n\
             Could you send me your order number and the name it's under? I'll check it and tell you by {?when:When you'll get back to them:time} how and when the money comes back.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Ayuda con un reembolso o devolución",
            "¡Hola, {customer.first_name|qué tal}! [[Gracias por escribirnos|Gracias por contárnoslo|Siento que no haya salido bien|Siento lo ocurrido]]. \
             Te ayudo con el reembolso: escríbenos por privado y revisamos tu pedido allí. ^{agent.initials}",
            "¡Hola, {customer.first_name|qué tal}! [[Gracias por escribirnos|Gracias por contárnoslo|Siento que no haya salido bien|Siento lo ocurrido]]; te ayudo con el reembolso.\n\n\
             ¿Me pasas el número de pedido y el nombre con el que se hizo? Lo reviso y a más tardar {?when:Cuándo le responderás:time} te digo cómo y cuándo recibirás el dinero.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "refund-processed",
        scenarios: &[Refund, FollowUp],
        tags: &["refund", "processed", "issued", "money back", "reembolso", "tramitado", "devuelto"],
        contact: Contact::Any,
        en: Texts::both(
            "Refund done",
            "[[Good news|All sorted|Done|Sorry it took a while|Sorry for the wait]], {customer.first_name|and thanks for your patience}: your refund is on its way. I've sent the details by DM so they stay private. ^{agent.initials}",
            "Hi {customer.first_name|there}, your refund for order {?order_number:Order number} is done: {?amount:Amount refunded:number} \
             back to your original payment method. It usually shows within {?days:How long it takes to show:time}, depending on your bank.\n\n\
             [[Thank you|I'm sorry it took this long, and thank you|Sorry for the wait, and thank you]] for your patience. If it hasn't arrived by then, message me here.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Reembolso tramitado",
            "[[Buenas noticias|Todo listo|Hecho|Siento la espera|Perdona la espera]], {customer.first_name|y gracias por la paciencia}: tu reembolso ya está tramitado. Te he enviado los detalles por privado. ^{agent.initials}",
            "¡Hola, {customer.first_name|qué tal}! Ya está tramitado el reembolso del pedido {?order_number:Número de pedido}: {?amount:Importe devuelto:number} \
             al mismo medio de pago. Suele verse en {?days:Cuánto tarda en verse:time}, según el banco.\n\n\
             [[Gracias|Siento que haya tardado tanto, y gracias|Perdona la espera, y gracias]] por la paciencia. Si para entonces no lo ves, escríbeme por aquí.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "refund-how-to-return",
        scenarios: &[Refund, HowTo],
        tags: &["return", "send back", "exchange", "how to return", "cambio", "cómo devolver", "puedo devolver", "quiero devolver"],
        contact: Contact::Any,
        en: Texts::same(
            "How to return an item",
            "Hi {customer.first_name|there}, [[happy to help|sorry it didn't work out|sorry about this]]. To return it: {?steps:The return steps, briefly}. \
             The refund takes {?days:How long the refund takes:time} once it's back with us. ^{agent.initials}",
        ),
        es: Texts::same(
            "Cómo hacer una devolución",
            "¡Hola, {customer.first_name|qué tal}! [[Encantados de ayudarte|Lo siento mucho|Perdona lo ocurrido]]. Para devolverlo: {?steps:Los pasos, en breve}. \
             El reembolso tarda {?days:Cuánto tarda el reembolso:time} desde que nos llegue. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "order-late-acknowledge",
        scenarios: &[OrderLate, Waiting],
        tags: &["late", "delivery", "where is my order", "shipping", "parcel", "retraso", "envío", "pedido", "paquete", "dónde está"],
        contact: Contact::Any,
        en: Texts::both(
            "Order running late",
            "[[I'm sorry your order is late|Waiting on a late order is frustrating|Sorry for the wait, and for the late order|I'm sorry you've had to wait, for us and for your order]], {customer.first_name|and thank you for telling us}. \
             Please send us a DM and I'll track it down for you right away. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry your order hasn't arrived; I know you were counting on it|waiting on a late order is frustrating, and I'm sorry it hasn't arrived|I'm sorry for the wait, and that your order still hasn't come|sorry to keep you waiting, and for the late order]].\n\n\
             Could you send me the order number? I'll check with the courier and tell you by {?when:When you'll get back to them:time} where it is and when it will reach you.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Pedido con retraso",
            "[[Siento que tu pedido llegue tarde|Esperar un pedido que no llega desespera|Perdona el retraso del pedido|Siento la espera, la nuestra y la del pedido]], {customer.first_name|y gracias por avisarnos}. \
             Escríbenos por privado y lo localizo ahora mismo. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Siento que tu pedido no haya llegado; sé que contabas con él|Esperar un pedido que no llega desespera, y siento que aún no lo tengas|Perdona la espera: siento que tu pedido aún no haya llegado|Siento la espera, tanto por nuestra respuesta como por el pedido]].\n\n\
             ¿Me pasas el número de pedido? Lo consulto con la empresa de transporte y a más tardar {?when:Cuándo le responderás:time} te digo dónde está y cuándo lo recibirás.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "order-late-new-date",
        scenarios: &[OrderLate, FollowUp],
        tags: &["delivery date", "tracking", "new date", "on its way", "fecha de entrega", "seguimiento", "en camino"],
        contact: Contact::Any,
        en: Texts::dm_only(
            "Order found: new delivery date",
            "Hi {customer.first_name|there}, [[thanks for waiting|thank you for your patience|thanks for bearing with me]]. I've found order {?order_number:Order number}: {?reason:Why it is late, in plain words}.\n\n\
             It should now reach you on {?date:New delivery date:date}. I'll keep an eye on it and message you if anything changes. I'm sorry it's later than promised.\n\n{agent.first_name}",
        ),
        es: Texts::dm_only(
            "Pedido localizado: nueva fecha",
            "Hola, {customer.first_name|qué tal}. [[Gracias por esperar|Gracias por tu paciencia|Te agradezco la espera]]. He localizado el pedido {?order_number:Número de pedido}: {?reason:Por qué se ha retrasado, en palabras sencillas}.\n\n\
             Ahora debería llegarte el {?date:Nueva fecha de entrega:date}. Lo sigo de cerca y te escribo si algo cambia. Siento que llegue más tarde de lo prometido.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "order-late-missing-parcel",
        scenarios: &[OrderLate, Complaint],
        tags: &["missing", "not received", "delivered", "lost", "stolen parcel", "no recibido", "entregado", "perdido", "extraviado"],
        contact: Contact::Any,
        en: Texts::both(
            "Marked delivered, not received",
            "[[That's really frustrating|I can imagine how annoying that is]], {customer.first_name|I'm sorry}: it says delivered but nothing arrived. \
             Please DM us and I'll open an investigation with the courier. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry, it's maddening to see \"delivered\" when nothing came|that's really frustrating, I'm sorry: it says delivered and nothing came|I can imagine how annoying that is: \"delivered\", and nothing at your door. I'm sorry|I'm sorry: it says \"delivered\", but nothing reached you|I'm sorry the parcel shows as delivered when it never reached you]].\n\n\
             I've opened an investigation with the courier for order {?order_number:Order number}. Couriers usually reply within {?days:How long the courier takes:time}, \
             and if the parcel isn't found, we'll sort out a replacement or a refund with you.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Figura entregado pero no llegó",
            "[[Es muy frustrante|Entiendo el enfado]], {customer.first_name|lo siento}: figura como entregado y no te ha llegado nada. \
             Escríbenos por privado y abro una reclamación con el transportista. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Lo siento, es desesperante ver \"entregado\" cuando no ha llegado nada|Es muy frustrante, lo siento: figura como entregado y no ha llegado nada|Entiendo el enfado: pone \"entregado\" y no te ha llegado nada. Lo siento|Siento lo ocurrido: figura como entregado y no te ha llegado nada|Lo siento: pone \"entregado\" y a tu puerta no ha llegado nada]].\n\n\
             He abierto una reclamación con el transportista por el pedido {?order_number:Número de pedido}. Suelen responder en {?days:Cuánto tarda el transportista:time} \
             y, si el paquete no aparece, vemos contigo un reenvío o el reembolso.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "faulty-sorry-replace",
        scenarios: &[Faulty, Refund],
        tags: &["broken", "damaged", "faulty", "defective", "replace", "roto", "dañado", "defectuoso", "reemplazo", "cambiar"],
        contact: Contact::Any,
        en: Texts::both(
            "Arrived broken: replacement",
            "[[I'm so sorry it arrived like that|That's not how it should have arrived]], {customer.first_name|and thanks for letting us know}. \
             Please DM us and we'll sort out a replacement or refund, whichever you prefer. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm so sorry it arrived damaged|I'm sorry, it should never have arrived damaged]]. That's disappointing, especially when you've been waiting for it.\n\n\
             Could you send me a photo of the damage and your order number? Then I'll arrange a replacement or a refund, whichever you prefer; \
             you won't need to pay to send the faulty one back.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Llegó roto: reposición",
            "[[Siento muchísimo que llegara así|Siento que te haya llegado así]], {customer.first_name|y gracias por avisarnos}. \
             Escríbenos por privado y te enviamos otro o te devolvemos el dinero, como prefieras. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Siento mucho que te haya llegado dañado|Lo siento, nunca debería haberte llegado dañado]]; es una decepción, sobre todo después de esperarlo.\n\n\
             ¿Me envías una foto del daño y el número de pedido? Con eso te preparo otro o el reembolso, lo que prefieras, \
             y no tendrás que pagar nada por devolver el defectuoso.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "faulty-troubleshoot",
        scenarios: &[Faulty, HowTo],
        tags: &["not working", "fix", "troubleshoot", "try", "error", "no funciona", "arreglar", "probar", "fallo"],
        contact: Contact::Any,
        en: Texts::same(
            "Let's try a quick fix",
            "[[Sorry it's playing up|Sorry it's acting up|Sorry it's not working]], {customer.first_name|that's annoying}. Could you try this? {?steps:What to try, step by step}. \
             If it still doesn't work, tell me and I'll arrange a repair or replacement. ^{agent.initials}",
        ),
        es: Texts::same(
            "Probemos una solución rápida",
            "[[Siento que esté fallando|Siento que no funcione bien|Lamento que te esté dando problemas]], {customer.first_name|qué rabia}. ¿Puedes probar esto? {?steps:Qué probar, paso a paso}. \
             Si sigue sin funcionar, dímelo y te gestiono la reparación o el cambio. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "faulty-replacement-sent",
        scenarios: &[Faulty, FollowUp],
        tags: &["replacement", "sent", "new one", "shipped", "reemplazo", "enviado", "nuevo"],
        contact: Contact::Any,
        en: Texts::dm_only(
            "Replacement on its way",
            "Hi {customer.first_name|there}, [[your replacement is on its way|your replacement has shipped|your replacement is already on the road]] (order {?order_number:Replacement order number}) and should arrive by {?date:Expected delivery date:date}.\n\n\
             {?return_steps:What to do with the faulty one}\n\n[[Thanks for your patience, and I'm sorry again that this happened|Thank you for bearing with us, and sorry again for the trouble]].\n\n{agent.first_name}",
        ),
        es: Texts::dm_only(
            "Reposición en camino",
            "¡Hola, {customer.first_name|qué tal}! [[Tu reposición ya está en camino|Ya te hemos enviado la reposición|Tu reposición ya ha salido]] (pedido {?order_number:Número del pedido nuevo}) y debería llegarte a más tardar el {?date:Fecha prevista de entrega:date}.\n\n\
             {?return_steps:Qué hacer con el defectuoso}\n\n[[Gracias por la paciencia y, de nuevo, siento lo ocurrido|Gracias por tu paciencia; siento de verdad el problema]].\n\n{agent.first_name}",
        ),
    },
];
