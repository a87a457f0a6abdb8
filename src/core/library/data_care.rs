//! Templates for safety, legal and crisis holding replies, moving to direct messages, and
//! following up. The holding replies offer no solution on purpose: they acknowledge, say the
//! right people are involved and when the customer will hear back.

use super::{Contact, LibTemplate, Texts};
use crate::core::scenario::Scenario::*;

pub(super) const TEMPLATES: &[LibTemplate] = &[
    LibTemplate {
        id: "safety-product-hazard",
        scenarios: &[Safety, Faulty],
        tags: &["danger", "unsafe", "fire", "injury", "burn", "hazard", "peligro", "peligroso", "fuego", "herida", "quemadura"],
        contact: Contact::Any,
        en: Texts::both(
            "Safety issue: holding reply",
            "{customer.first_name|Hi there}, [[thank you for telling us|thanks for flagging this]], and I'm sorry. Please stop using it. Our safety team is on it as urgent: \
             DM us and they'll reach you by {?when:When safety will be in touch:time}. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[thank you for telling us, and I'm sorry this happened|I'm sorry this happened, and thank you for letting us know]]. Please stop using the product for now. \
             If anyone is hurt, please get medical help first.\n\n\
             I've passed this to our product safety team as urgent. Someone from that team will reply to you here, in this chat, by {?when:When safety will be in touch:time}.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Problema de seguridad: respuesta inicial",
            "{customer.first_name|Hola}, [[gracias por avisarnos|gracias por contárnoslo]] y lo siento. Deja de usarlo: \
             escríbenos por privado y el equipo de seguridad te responderá a más tardar {?when:Cuándo contactará seguridad:time}. ^{agent.initials}",
            "{customer.first_name|Hola}, [[gracias por avisarnos y siento lo ocurrido|siento lo ocurrido y gracias por contárnoslo]]. Por favor, deja de usar el producto de momento. \
             Si alguien se ha hecho daño, lo primero es buscar atención médica.\n\n\
             He pasado el caso como urgente al equipo de seguridad de producto. Una persona de ese equipo te responderá aquí, en este chat, a más tardar {?when:Cuándo contactará seguridad:time}.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "safety-personal-harm",
        scenarios: &[Safety, Complaint],
        tags: &["harass", "harassed", "harassing", "harassment", "assault", "assaulted", "touched", "touching", "grope", "groped", "groping", "butt", "ass", "sexual", "sexually", "inappropriately", "stalk", "stalked", "stalking", "stalker", "followed", "violated", "threatened", "threatening", "racist", "discriminated", "discrimination", "scared", "safety", "acoso", "acosado", "acosada", "agresión", "abuso", "racista", "discriminación", "miedo", "seguridad"],
        contact: Contact::Any,
        en: Texts::both(
            "Harassment or assault: holding reply",
            "[[I'm so sorry this happened|I'm very sorry this happened to you]], and thank you for telling us. What you describe is never acceptable. \
             If you're in danger, call your local emergency number. Please DM us: our safety team will reply there by {?when:When safety will be in touch:time}. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm so sorry this happened to you|I'm very sorry for what happened to you]], and thank you for telling us. What you describe is never acceptable.\n\n\
             If you're in danger or hurt, please call your local emergency number first.\n\n\
             I've passed this to our safety team as urgent. Someone from that team will reply to you here, in this chat, by {?when:When safety will be in touch:time}.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Acoso o agresión: respuesta inicial",
            "[[Siento mucho lo ocurrido|Siento mucho lo que te ha pasado]], y gracias por contárnoslo. Lo que describes nunca es aceptable. \
             Si estás en peligro, llama a emergencias. Escríbenos por privado: nuestro equipo de seguridad te responderá allí a más tardar {?when:Cuándo contactará seguridad:time}. ^{agent.initials}",
            "{customer.first_name|Hola}, [[siento mucho lo que te ha pasado|siento mucho lo que te ha ocurrido]] y gracias por contárnoslo. Lo que describes nunca es aceptable.\n\n\
             Si estás en peligro o te han hecho daño, llama primero al número de emergencias de tu zona.\n\n\
             He pasado el caso como urgente a nuestro equipo de seguridad. Una persona de ese equipo te responderá aquí, en este chat, a más tardar {?when:Cuándo contactará seguridad:time}.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "safety-legal-holding",
        scenarios: &[Safety, Complaint],
        tags: &["legal", "lawyer", "sue", "court", "solicitor", "regulator", "abogado", "demanda", "denuncia", "juicio", "legal"],
        contact: Contact::Any,
        en: Texts::both(
            "Legal matter: holding reply",
            "{customer.first_name|Hi there}, thank you for telling us; I understand this is serious. I've passed it to the right team: \
             DM us and they'll reply there by {?when:When the team will reply:time}. ^{agent.initials}",
            "Hi {customer.first_name|there}, thank you for your message. I understand this is serious for you.\n\n\
             I've passed it to the team that handles these matters, and they will reply to you here, in this chat, by {?when:When the team will reply:time}.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Asunto legal: respuesta inicial",
            "{customer.first_name|Hola}, gracias por avisar; entiendo que es serio. Lo he pasado al equipo adecuado: \
             escríbenos por privado y te responderá a más tardar {?when:Cuándo responderá el equipo:time}. ^{agent.initials}",
            "{customer.first_name|Hola}, gracias por tu mensaje; entiendo que es un asunto serio para ti.\n\n\
             Lo he trasladado al equipo que gestiona estos casos, que te responderá aquí, en este chat, a más tardar {?when:Cuándo responderá el equipo:time}.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "safety-crisis-support",
        scenarios: &[Safety],
        tags: &["crisis", "distress", "harm", "suicide", "emergency", "help", "myself", "die", "life", "live", "end it all", "ending it all", "can't go on", "angustia", "daño", "suicidio", "emergencia", "ayuda", "vida", "vivir", "morir", "morirme", "matarme", "no puedo más"],
        contact: Contact::Any,
        en: Texts::both(
            "Person in distress: holding reply",
            "I'm really sorry you're going through this, {customer.first_name|and thank you for reaching out}. If you're in danger, call your local emergency number. \
             You can also reach {?helpline:Local helpline (name and number)}, or DM us. ^{agent.initials}",
            "Hi {customer.first_name|there}, I'm really sorry you're going through this, and I'm glad you reached out.\n\n\
             If you're in danger right now, please call your local emergency number. You can also talk to {?helpline:Local helpline (name and number)}.\n\n\
             I've let a colleague who is trained for this know, and they will message you by {?when:When a colleague will reply:time}.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Persona en crisis: respuesta inicial",
            "Siento mucho lo que estás pasando, {customer.first_name|y gracias por escribirnos}. Si estás en peligro, llama a emergencias. \
             También puedes hablar con {?helpline:Línea de ayuda local (nombre y número)} o escribirnos por privado. ^{agent.initials}",
            "{customer.first_name|Hola}, siento mucho que estés pasando por esto y me alegro de que nos hayas escrito.\n\n\
             Si estás en peligro ahora mismo, llama al número de emergencias de tu zona. También puedes hablar con {?helpline:Línea de ayuda local (nombre y número)}.\n\n\
             Se lo he comunicado a una compañera o compañero con formación para estos casos, que te escribirá a más tardar {?when:Cuándo te escribirá:time}.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "safety-media-enquiry",
        scenarios: &[Safety],
        tags: &["press", "journalist", "media", "news", "statement", "prensa", "periodista", "medios", "noticia", "comunicado"],
        contact: Contact::Any,
        en: Texts::same(
            "Press or media enquiry",
            "Hi {customer.first_name|there}, [[thanks for getting in touch|thank you for your message|thanks for the question]]. I've passed your enquiry to our press team, who will reply by {?when:When the press team will reply:time}. ^{agent.initials}",
        ),
        es: Texts::same(
            "Consulta de prensa",
            "Hola, {customer.first_name|qué tal}. [[Gracias por escribirnos|Gracias por tu mensaje|Gracias por la pregunta]]. He pasado tu consulta a nuestro equipo de prensa, que te responderá a más tardar {?when:Cuándo responderá prensa:time}. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "move-to-dm-invite",
        scenarios: &[MoveToDm],
        tags: &["dm", "private", "direct message", "details", "privado", "mensaje directo", "datos"],
        contact: Contact::Any,
        en: Texts::public_only(
            "Invite to a DM",
            "[[I'd like to help with this|I want to get this sorted for you|Let's get this fixed]], {customer.first_name|and thanks for reaching out}. \
             It needs a few personal details, so could you send us a DM here on {site.name|this app}? I'll look out for it. ^{agent.initials}",
        ),
        es: Texts::public_only(
            "Invitar a mensaje privado",
            "[[Quiero ayudarte con esto|Vamos a solucionarlo|Me encargo de esto]], {customer.first_name|y gracias por escribirnos}. \
             Necesito algunos datos personales, así que ¿nos escribes por privado aquí en {site.name|esta app}? Estaré pendiente. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "move-to-dm-we-messaged",
        scenarios: &[MoveToDm, FollowUp],
        tags: &["dm", "sent", "message", "private", "inbox", "privado", "mensaje", "enviado", "bandeja"],
        contact: Contact::Any,
        en: Texts::public_only(
            "We've sent a private message",
            "Hi {customer.first_name|there}, I've just sent you a private message here on {site.name|this app} so we can look at your details safely. [[Speak soon!|Talk soon!|See you there!]] ^{agent.initials}",
        ),
        es: Texts::public_only(
            "Te hemos escrito por privado",
            "¡Hola, {customer.first_name|qué tal}! Te acabo de enviar un mensaje privado aquí en {site.name|esta app} para ver tus datos con seguridad. [[¡Hablamos!|¡Nos leemos!|¡Te espero allí!]] ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "move-to-dm-got-it",
        scenarios: &[MoveToDm],
        tags: &[
            "i did", "did it", "just did", "done", "sent", "replied", "following", "followed",
            "hecho", "listo", "ya lo hice", "enviado", "siguiendo", "sigo", "escribí", "respondí",
        ],
        contact: Contact::After,
        en: Texts::public_only(
            "Got their private message",
            "Got it, {customer.first_name|thank you}: your private message is with us and I'm replying there now. [[Speak soon!|Talk soon!|See you there!]] ^{agent.initials}",
        ),
        es: Texts::public_only(
            "Recibido tu mensaje privado",
            "[[Gracias|Muchas gracias]], {customer.first_name|de verdad}: ya tenemos tu mensaje privado y te estoy respondiendo por allí. [[¡Hablamos!|¡Nos leemos!|¡Seguimos por privado!]] ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "move-to-dm-welcome",
        scenarios: &[MoveToDm],
        tags: &["dm", "welcome", "details", "first message", "privado", "bienvenida", "datos"],
        // Our first message in the private conversation, not one in the middle of it.
        contact: Contact::Before,
        en: Texts::dm_only(
            "First message after moving to DM",
            "Hi {customer.first_name|there}, [[thanks for messaging us|thanks for getting in touch here|good to hear from you]]. I'm {agent.first_name} and I'll be helping you.\n\n\
             So I can find your details, could you send me {?needed:What you need from them, e.g. your order number}? \
             Please never send card numbers, passwords or codes: we'll never ask for them.\n\n{agent.first_name}",
        ),
        es: Texts::dm_only(
            "Primer mensaje por privado",
            "¡Hola, {customer.first_name|qué tal}! [[Gracias por escribirnos|Gracias por tu mensaje|Qué bien que nos escribas]]. Soy {agent.first_name} y voy a ayudarte.\n\n\
             Para localizar tus datos, ¿me envías {?needed:Qué necesitas, p. ej. el número de pedido}? \
             Nunca nos envíes números de tarjeta, contraseñas ni códigos: jamás te los pediremos.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "follow-up-checking-in",
        scenarios: &[FollowUp],
        tags: &["check in", "did it work", "follow up", "update", "seguimiento", "funcionó", "qué tal"],
        contact: Contact::After,
        en: Texts::same(
            "Check the fix worked",
            "Hi {customer.first_name|there}, [[just checking in|a quick follow-up|I wanted to check back]]: is everything working now? If not, reply here and I'll pick it up. ^{agent.initials}",
        ),
        es: Texts::same(
            "Comprobar que se resolvió",
            "¡Hola, {customer.first_name|qué tal}! [[Te escribo para saber cómo va|Te escribo para ver qué tal va|Quería saber cómo sigue]]: ¿ya funciona todo? Si no, respóndeme aquí y lo retomo. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "follow-up-joined-in",
        scenarios: &[FollowUp],
        tags: &["join in", "joined in", "comment", "reply to our post", "poll", "participar", "comentario", "encuesta"],
        contact: Contact::Before,
        en: Texts::public_only(
            "Thank them for joining in",
            "[[Thanks for joining in|Thanks for sharing this|Great to hear from you]], {customer.first_name|truly}! \
             {?answer:Your answer to what they said}. If there's anything we can help with, just reply here. ^{agent.initials}",
        ),
        es: Texts::public_only(
            "Agradecer la participación",
            "[[¡Gracias por participar|¡Gracias por compartirlo|¡Qué bien saber de ti]], {customer.first_name|de verdad}! \
             {?answer:Tu respuesta a lo que dijo}. Si necesitas cualquier cosa, respóndenos aquí. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "follow-up-closing",
        scenarios: &[FollowUp, Praise],
        tags: &["close", "done", "goodbye", "anything else", "cerrar", "despedida", "algo más"],
        contact: Contact::After,
        en: Texts::same(
            "Close the conversation",
            "[[Glad we could sort this out|Happy that's all sorted|Great, that's done]], {customer.first_name|and thank you}. If anything else comes up, we're here. Have a good day! ^{agent.initials}",
        ),
        es: Texts::same(
            "Cerrar la conversación",
            "[[Me alegra que lo hayamos resuelto|Qué bien que ya esté todo|Perfecto, ya está]], {customer.first_name|y gracias}. Si surge cualquier otra cosa, aquí estamos. ¡Que tengas un buen día! ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "follow-up-promised-update",
        scenarios: &[FollowUp, Waiting],
        tags: &["promised", "update", "as promised", "news", "prometido", "novedades", "como te dije"],
        contact: Contact::After,
        en: Texts::same(
            "The update we promised",
            "Hi {customer.first_name|there}, [[as promised, here's where things stand|as promised, an update|here's the update I promised]]: {?update:The update}. \
             {?next_step:What happens next, and when}. ^{agent.initials}",
        ),
        es: Texts::same(
            "La actualización prometida",
            "Hola, {customer.first_name|qué tal}. [[Como te prometí, te cuento cómo va|Como te dije, aquí va la novedad|Te traigo la novedad que te prometí]]: {?update:La novedad}. \
             {?next_step:Qué pasará ahora y cuándo}. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "follow-up-no-reply",
        scenarios: &[FollowUp],
        tags: &["no reply", "haven't heard", "still need help", "sin respuesta", "sigues necesitando"],
        contact: Contact::After,
        en: Texts::same(
            "We haven't heard back",
            "[[Hi|Hello]] {customer.first_name|there}, [[we haven't heard back|it's been quiet on your side]], so I hope it's sorted. If you still need a hand, just reply here, no need to start again. ^{agent.initials}",
        ),
        es: Texts::same(
            "No hemos vuelto a saber de ti",
            "[[¡Hola|¡Buenas]], {customer.first_name|qué tal}! [[No hemos vuelto a saber de ti|Hace días que no sabemos de ti]], así que espero que esté resuelto. Si aún necesitas ayuda, respóndeme aquí y seguimos donde lo dejamos. ^{agent.initials}",
        ),
    },
];
