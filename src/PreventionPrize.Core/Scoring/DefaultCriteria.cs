namespace PreventionPrize.Core.Scoring;

/// <summary>
/// The Digital Prevention Prize's five criteria, given to every new round (the Secretariat may change them before
/// scoring starts). Scale 1–5, each level described for a juror who may be 16: concrete, short, no jargon.
/// </summary>
public static class DefaultCriteria
{
    private sealed record Text(string En, string Fr);

    private static readonly (Text Name, Text Description, Text[] Levels)[] All =
    [
        (new("Innovation in the digital world", "Innovation dans le monde numérique"),
         new("Does the project bring something new to prevention where young people live online: gaming, gambling, social media, streaming, online shopping?",
             "Le projet apporte-t-il du nouveau à la prévention là où les jeunes vivent en ligne : jeux vidéo, jeux d'argent, réseaux sociaux, streaming, achats en ligne ?"),
         [new("Nothing new: an offline approach moved online as it was.", "Rien de nouveau : une approche hors ligne transposée telle quelle en ligne."),
          new("A little new: uses digital tools, but as a channel more than as a setting.", "Un peu de nouveauté : utilise des outils numériques, plutôt comme canal que comme lieu."),
          new("New in places: one clear new idea for a digital behaviour.", "Nouveau par endroits : une idée nouvelle et claire pour un comportement numérique."),
          new("Clearly new: works inside the digital setting young people use.", "Clairement nouveau : agit au cœur de l'environnement numérique des jeunes."),
          new("A model: an approach others in Europe have not tried and should.", "Un modèle : une approche que d'autres en Europe n'ont pas tentée et devraient tenter.")]),
        (new("Evidence and evaluation", "Preuves et évaluation"),
         new("How well does the project know what it achieves, and how?", "Le projet sait-il ce qu'il obtient, et comment le sait-il ?"),
         [new("No evaluation, no figures.", "Aucune évaluation, aucun chiffre."),
          new("Counts activities or participants only.", "Compte seulement les activités ou les participants."),
          new("Measures some results, for example before and after.", "Mesure certains résultats, par exemple avant et après."),
          new("A planned evaluation with clear results, good or bad.", "Une évaluation planifiée aux résultats clairs, bons ou mauvais."),
          new("Strong evidence, ideally independent, used to improve the project.", "Des preuves solides, idéalement indépendantes, utilisées pour améliorer le projet.")]),
        (new("Active involvement of young people", "Participation active des jeunes"),
         new("Do young people under 25 shape the project, or only receive it?", "Les jeunes de moins de 25 ans façonnent-ils le projet, ou ne font-ils que le recevoir ?"),
         [new("Young people are only the audience.", "Les jeunes ne sont que le public."),
          new("Young people are asked for their opinion.", "On demande leur avis aux jeunes."),
          new("Young people help design or run parts of it.", "Les jeunes aident à concevoir ou à mener certaines parties."),
          new("Young people design and run it with adults.", "Les jeunes le conçoivent et le mènent avec des adultes."),
          new("Young people lead it and decide.", "Les jeunes le dirigent et décident.")]),
        (new("Human rights, gender and inclusion", "Droits humains, égalité de genre et inclusion"),
         new("Does the project respect rights and reach everyone it should, whatever their gender, background or abilities?",
             "Le projet respecte-t-il les droits et atteint-il toutes les personnes visées, quels que soient leur genre, leur origine ou leurs capacités ?"),
         [new("Not considered.", "Pas pris en compte."),
          new("Mentioned, with little in practice.", "Mentionné, avec peu de mise en pratique."),
          new("Some concrete measures (access, languages, gender).", "Quelques mesures concrètes (accès, langues, genre)."),
          new("Built in from the start, and checked.", "Intégré dès le départ, et vérifié."),
          new("Exemplary: reaches those usually left out, and shows it.", "Exemplaire : atteint les personnes d'ordinaire laissées de côté, et le montre.")]),
        (new("Replicability and sustainability", "Reproductibilité et pérennité"),
         new("Could another team elsewhere do it, and will it last?", "Une autre équipe ailleurs pourrait-elle le reproduire, et le projet va-t-il durer ?"),
         [new("Depends on one person or one-off money.", "Dépend d'une personne ou d'un financement ponctuel."),
          new("Hard to copy; no plan to continue.", "Difficile à reproduire ; pas de plan pour continuer."),
          new("Could be copied with help; some plans to continue.", "Reproductible avec de l'aide ; quelques plans pour continuer."),
          new("Documented and affordable; funded for the next years.", "Documenté et abordable ; financé pour les années à venir."),
          new("Already copied elsewhere, or ready to be, with materials shared.", "Déjà reproduit ailleurs, ou prêt à l'être, avec des supports partagés.")]),
    ];

    public static List<Criterion> Create() => All.Select((c, i) => new Criterion
    {
        Position = i + 1, NameEn = c.Name.En, NameFr = c.Name.Fr, DescriptionEn = c.Description.En, DescriptionFr = c.Description.Fr,
        Weight = 1, ScaleMin = 1, ScaleMax = 5,
        Levels = c.Levels.Select((l, level) => new CriterionLevel { Score = level + 1, TextEn = l.En, TextFr = l.Fr }).ToList(),
    }).ToList();
}
