//! Templates for complaints, praise, how-to questions and feedback.

use super::{Contact, LibTemplate, Texts};
use crate::core::scenario::Scenario::*;

pub(super) const TEMPLATES: &[LibTemplate] = &[
    LibTemplate {
        id: "complaint-own-it",
        scenarios: &[Complaint],
        tags: &["complaint", "disappointed", "frustrated", "angry", "unacceptable", "terrible", "queja", "decepcionado", "frustrado", "enfadado", "inaceptable", "fatal"],
        contact: Contact::Any,
        en: Texts::both(
            "Own a bad experience",
            "[[You're right to be disappointed|I understand why you're frustrated|That's a fair complaint|You have every reason to complain]], {customer.first_name|and thank you for telling us}. \
             I'm sorry, we got this wrong. Here's what I'll do: {?next_step:What you will do, and when}. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[you're right to be disappointed|I understand why you're frustrated|that's a fair complaint|you have every reason to complain]], and I'm sorry: we got this wrong.\n\n\
             Here's what I'll do: {?next_step:What you will do, and when}. I'll keep you posted until it's put right.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Asumir una mala experiencia",
            "[[Tienes motivos para quejarte|Entiendo tu enfado|Tu queja es justa]], {customer.first_name|y gracias por decírnoslo}. \
             Lo siento, lo hemos hecho mal. Esto es lo que voy a hacer: {?next_step:Qué harás y cuándo}. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Tienes motivos para quejarte|Entiendo tu enfado|Tu queja es justa]] y lo siento: lo hemos hecho mal.\n\n\
             Esto es lo que voy a hacer: {?next_step:Qué harás y cuándo}. Te iré contando hasta que esté resuelto.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "complaint-staff-apology",
        scenarios: &[Complaint],
        tags: &["staff", "rude", "employee", "service", "manager", "personal", "maleducado", "empleado", "trato", "atención"],
        contact: Contact::Any,
        en: Texts::both(
            "Bad experience with our staff",
            "I'm so sorry, {customer.first_name|and thank you for telling us}. [[Nobody should leave feeling like that|That's not the experience we want for anyone]]. \
             I'd like to pass this on properly: could you DM us when and where it happened? ^{agent.initials}",
            "Hi {customer.first_name|there}, I'm sorry for how you were treated. [[You deserved better, and thank you for taking the time to tell us|Nobody should leave feeling like that. Thank you for telling us|That's not the experience we want for anyone. Thank you for letting us know]].\n\n\
             Could you tell me when and where it happened and anything you remember about the person? \
             I'll pass it to the manager responsible, who will look into it, and I'll let you know by {?when:When you'll follow up:date} when it has been looked into.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Mala experiencia con el personal",
            "Lo siento mucho, {customer.first_name|y gracias por contárnoslo}. [[Nadie debería irse sintiéndose así|No es la experiencia que queremos para nadie]]. \
             Quiero que llegue a quien corresponde: ¿nos cuentas por privado cuándo y dónde pasó? ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. Siento mucho el trato que recibiste. [[Merecías algo mejor; gracias por molestarte en contárnoslo|Nadie debería irse sintiéndose así. Gracias por contárnoslo|No es la experiencia que queremos para nadie. Gracias por decírnoslo]].\n\n\
             ¿Me dices cuándo y dónde ocurrió y lo que recuerdes de la persona? \
             Lo paso a la persona responsable del centro para que lo revise, y a más tardar el {?when:Cuándo harás seguimiento:date} te cuento cuando se haya revisado.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "complaint-repeat-contact",
        scenarios: &[Complaint, FollowUp],
        tags: &["again", "repeat", "third time", "still not fixed", "otra vez", "de nuevo", "tercera vez", "sigue sin"],
        contact: Contact::Any,
        en: Texts::both(
            "Had to contact us again",
            "[[You shouldn't have had to ask again|I'm sorry you've had to chase us]], {customer.first_name|and thanks for sticking with us}. I'll own this from here until it's solved. \
             Please DM us and you won't need to repeat yourself. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry you've had to get in touch with us again; that's frustrating and it shouldn't have happened|you shouldn't have had to ask again, and I'm sorry|I'm sorry you've had to chase us; it shouldn't have happened]].\n\n\
             I've read the whole conversation, so there's no need to explain again. From now on I'm your contact: {?next_step:What you will do next}, \
             and I'll update you by {?when:When you'll update them:time}.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Ha tenido que volver a escribir",
            "[[Siento que hayas tenido que insistir|No es normal que tengas que insistir]], {customer.first_name|y gracias por tu paciencia}. Me encargo yo hasta que esté resuelto. \
             Escríbenos por privado y no tendrás que repetir nada. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Siento que hayas tenido que escribirnos otra vez; es frustrante y no debería haber pasado|No es normal que tengas que insistir, y lo siento|Siento que hayas tenido que reclamar otra vez; no debería haber pasado]].\n\n\
             He leído toda la conversación, así que no hace falta que lo expliques de nuevo. Desde ahora me ocupo yo: {?next_step:Qué harás a continuación}, \
             y te escribo a más tardar {?when:Cuándo le darás noticias:time}.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "praise-thanks",
        scenarios: &[Praise],
        tags: &["thanks", "love", "great", "happy", "praise", "gracias", "encanta", "genial", "contento"],
        contact: Contact::Any,
        en: Texts::same(
            "Thank you for the kind words",
            "[[Thank you so much|This made our day|What a lovely message]], {customer.first_name|truly}! We're really glad you're happy, and we'll share it with the team. ^{agent.initials}",
        ),
        es: Texts::same(
            "Gracias por tus palabras",
            "[[¡Mil gracias|¡Nos has alegrado el día|¡Qué mensaje tan bonito]], {customer.first_name|de verdad}! Nos alegra mucho que te haya gustado y se lo contaremos al equipo. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "praise-pass-to-team",
        scenarios: &[Praise],
        tags: &["staff", "helpful", "shout out", "thanks to", "team", "amable", "equipo", "agradecer", "personal"],
        contact: Contact::Any,
        en: Texts::same(
            "Pass praise on to a colleague",
            "[[Thank you for taking the time to say this|Thank you for telling us|What a lovely thing to hear]], {customer.first_name|truly}. I'll make sure {?staff:Who they praised} hears it; [[it will mean a lot|it will make their day|they'll be so pleased]]. ^{agent.initials}",
        ),
        es: Texts::same(
            "Trasladar un elogio",
            "[[Gracias por molestarte en decirlo|Muchas gracias por contárnoslo|Da gusto leer esto, gracias]], {customer.first_name|de verdad}. Le haré llegar tu mensaje a {?staff:A quién elogian}: [[le va a hacer mucha ilusión|seguro que le alegra el día]]. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "praise-glad-resolved",
        scenarios: &[Praise, FollowUp],
        tags: &["sorted", "resolved", "thanks", "worked", "solucionado", "resuelto", "gracias", "funcionó"],
        contact: Contact::After,
        en: Texts::same(
            "Glad it's sorted",
            "[[So glad that's sorted|Great to hear it worked|That's brilliant news]], {customer.first_name|and thank you}! It was a pleasure to help. We're here if you need anything else. ^{agent.initials}",
        ),
        es: Texts::same(
            "Qué bien que esté resuelto",
            "[[¡Qué bien que esté resuelto|¡Nos alegra que haya funcionado|¡Qué buena noticia]], {customer.first_name|y gracias}! Ha sido un placer ayudarte. Aquí estamos para lo que necesites. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "how-to-steps",
        scenarios: &[HowTo],
        tags: &["how", "how do i", "steps", "help", "guide", "cómo", "pasos", "ayuda", "guía"],
        contact: Contact::Any,
        en: Texts::same(
            "Answer a how-to question",
            "[[Good question, {customer.first_name|thanks for asking}!|Happy to help, {customer.first_name|thanks for asking}!|Sure thing, {customer.first_name|thanks for asking}!|Sorry this has been frustrating, {customer.first_name|and thanks for asking}.|Sorry this has been such a hassle, {customer.first_name|and thanks for asking}.]] Here's how: {?steps:The steps, briefly}. Let me know if you get stuck. ^{agent.initials}",
        ),
        es: Texts::same(
            "Responder a una duda de uso",
            "[[¡Buena pregunta, {customer.first_name|gracias por preguntar}!|¡Encantados de ayudarte, {customer.first_name|gracias por preguntar}!|¡Claro, {customer.first_name|gracias por preguntar}!|Siento que te esté costando, {customer.first_name|y gracias por preguntar}.|Siento que sea un lío, {customer.first_name|y gracias por preguntar}.]] Se hace así: {?steps:Los pasos, en breve}. Si te atascas, dímelo. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "how-to-link",
        scenarios: &[HowTo],
        tags: &["guide", "article", "link", "instructions", "faq", "guía", "artículo", "enlace", "instrucciones"],
        contact: Contact::Any,
        en: Texts::same(
            "Point to a help article",
            "Hi {customer.first_name|there}, [[this guide walks you through it|here are the steps, one by one|this article has every step]]: {?link:Help article link:link}. \
             [[If any step isn't clear, reply here and I'll talk you through it|If you get stuck on a step, reply here and I'll help]]. ^{agent.initials}",
        ),
        es: Texts::same(
            "Enviar un artículo de ayuda",
            "¡Hola, {customer.first_name|qué tal}! [[En esta guía lo tienes paso a paso|Aquí tienes los pasos, uno a uno|Este artículo lo explica paso a paso]]: {?link:Enlace al artículo:link}. \
             [[Si algún paso no queda claro, respóndeme aquí y lo vemos juntos|Si te atascas en algún paso, escríbeme aquí y te ayudo]]. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "how-to-check-and-return",
        scenarios: &[HowTo, Waiting],
        tags: &["check", "find out", "not sure", "come back", "consultar", "averiguar", "te digo"],
        contact: Contact::Any,
        en: Texts::same(
            "Find out and come back",
            "[[Good question, {customer.first_name|thanks}|Thanks for asking, {customer.first_name|it's a fair question}|Sorry this has been frustrating, {customer.first_name|and thanks for asking}|Sorry for the hassle, {customer.first_name|and thanks for asking}|Fair question, {customer.first_name|thanks for asking}]]. I want to give you the right answer, so I'm checking with the team and will reply here by {?when:When you'll reply:time}. ^{agent.initials}",
        ),
        es: Texts::same(
            "Lo consulto y te digo",
            "[[Buena pregunta, {customer.first_name|gracias}|Gracias por preguntar, {customer.first_name|es una duda razonable}|Siento que te esté costando, {customer.first_name|y gracias por preguntar}|Siento el lío, {customer.first_name|y gracias por preguntar}|Es una duda razonable, {customer.first_name|gracias por preguntar}]]. Quiero darte la respuesta correcta, así que lo consulto con el equipo y te respondo aquí a más tardar {?when:Cuándo responderás:time}. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "feedback-feature-request",
        scenarios: &[Feedback],
        tags: &["feature", "request", "idea", "wish", "suggestion", "función", "petición", "idea", "sugerencia"],
        contact: Contact::Any,
        en: Texts::same(
            "Feature request passed on",
            "[[Thanks for the idea|Love this suggestion|Thanks for thinking of this]], {customer.first_name|truly}! I've passed it to our product team. \
             I can't promise when or if it will happen, but they read every request. ^{agent.initials}",
        ),
        es: Texts::same(
            "Sugerencia trasladada al equipo",
            "[[¡Gracias por la idea|¡Qué buena sugerencia|¡Gracias por pensar en esto]], {customer.first_name|de verdad}! Ya la he pasado al equipo de producto. \
             No te puedo asegurar si saldrá ni cuándo, pero leen todas las propuestas. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "feedback-noted",
        scenarios: &[Feedback],
        tags: &["feedback", "opinion", "review", "comment", "opinión", "comentario", "reseña"],
        contact: Contact::Any,
        en: Texts::same(
            "Thanks for the feedback",
            "[[Thank you for the honest feedback|Thanks for telling us straight|We appreciate the honest feedback]], {customer.first_name|it helps}. I've shared it with the team responsible so it's heard where it matters. ^{agent.initials}",
        ),
        es: Texts::same(
            "Gracias por tu opinión",
            "[[Gracias por tu opinión sincera|Gracias por decírnoslo claramente|Agradecemos tu sinceridad]], {customer.first_name|nos ayuda}. La he compartido con el equipo responsable para que llegue a quien tiene que llegar. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "feedback-change-disliked",
        scenarios: &[Feedback, Complaint],
        tags: &["change", "update", "redesign", "worse", "preferred", "cambio", "actualización", "diseño", "peor", "antes"],
        contact: Contact::Any,
        en: Texts::same(
            "They dislike a change we made",
            "[[I hear you|I understand|Fair point]], {customer.first_name|and thank you for saying so}: the change has made things harder for you, and I'm sorry. \
             I've passed on exactly what isn't working so the team can look at it. ^{agent.initials}",
        ),
        es: Texts::same(
            "No le gusta un cambio",
            "[[Te entiendo|Entiendo lo que dices|Lo comprendo]], {customer.first_name|y gracias por decírnoslo}: el cambio te ha complicado las cosas y lo siento. \
             He trasladado al equipo exactamente qué no funciona para que lo revise. ^{agent.initials}",
        ),
    },
];
