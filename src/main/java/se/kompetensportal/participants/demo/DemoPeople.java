package se.kompetensportal.participants.demo;

import java.util.Random;

import se.kompetensportal.shared.validation.Luhn;

/** Who the demo's made-up participants are: first names, surnames, job titles, well-formed personal identity numbers. */
final class DemoPeople {

    private DemoPeople() {
    }

    static final String[] WOMEN = {"Anna", "Sara", "Fatima", "Maria", "Leila", "Eva", "Karin", "Amal", "Lina",
            "Elin", "Hanna", "Sofia", "Nadia", "Ingrid", "Aisha", "Emma", "Maja", "Zahra", "Kristina", "Helena"};
    static final String[] MEN = {"Erik", "Ahmed", "Johan", "Lars", "Omar", "Anders", "Mohammed", "Per", "Ali",
            "Karl", "Nils", "Hassan", "Olof", "Daniel", "Yusuf", "Magnus"};
    static final String[] SURNAMES = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Hassan", "Ali",
            "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Mohammed", "Lindberg", "Ek",
            "Berg", "Holm", "Sjöberg", "Abdi", "Nyström", "Öberg", "Åkesson"};
    static final String[] TITLES = {"Socialsekreterare", "Lärare", "Bibliotekarie", "Undersköterska",
            "Integrationsutvecklare", "Enhetschef", "Fritidsledare", "SFI-lärare", "Flyktingsamordnare", "Busschaufför",
            "Tandsköterska", "Volontär", "Politiker"};

    /** A made-up but well-formed personal identity number (born 1960–1995, correct check digit). */
    static String fictitiousPersonalId(Random random) {
        String date = String.format("%02d%02d%02d", 60 + random.nextInt(36), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String serial = String.format("%03d", random.nextInt(1000));
        for (int check = 0; check < 10; check++) {
            if (Luhn.isValid(date + serial + check)) {
                return "19" + date + "-" + serial + check;
            }
        }
        throw new IllegalStateException();
    }
}
