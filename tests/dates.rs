//! Date resolution against the article date, through the command line: each case is one
//! sentence, the article date and the dates that must come out (text and calendar value).

mod common;

use common::*;

fn dates(text: &str, article: &str) -> Vec<(String, String)> {
    let out = newsgraph()
        .args(["extract", "--stdin-text", "--quiet", "--date", article])
        .write_stdin(text)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let recs = records(&out.stdout);
    recs[0]["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["text"].as_str().unwrap().to_string(),
                d["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check(text: &str, article: &str, want: &[(&str, &str)]) {
    let got = dates(text, article);
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want, "{text} (article {article})");
}

#[test]
fn absolute_forms() {
    check(
        "Встреча прошла 22/02/2024, а договор подписан 30.11.2021 и 2024-03-01.",
        "2024-03-02",
        &[
            ("22/02/2024", "2024-02-22"),
            ("30.11.2021", "2021-11-30"),
            ("2024-03-01", "2024-03-01"),
        ],
    );
    check(
        "Форум пройдёт 17 нояб. 2023 г. в Казани.",
        "2023-10-01",
        &[("17 нояб. 2023 г.", "2023-11-17")],
    );
}

#[test]
fn relative_days_and_weekdays() {
    check(
        "Вчера президенты созвонились.",
        "2021-06-17",
        &[("Вчера", "2021-06-16")],
    );
    check(
        "Во вторник они встретились, а в пятницу встретятся снова.",
        "2021-06-17",
        &[("Во вторник", "2021-06-15"), ("в пятницу", "2021-06-18")],
    );
    // A weekday after «на» is ahead: a plan or a postponement.
    check(
        "Визит, запланированный на понедельник, сорван.",
        "2022-06-05",
        &[("на понедельник", "2022-06-06")],
    );
}

#[test]
fn days_relative_to_the_text() {
    check(
        "Абэ прибыл во Владивосток 4 сентября. Накануне вечером он провёл встречу.",
        "2019-09-10",
        &[("4 сентября", "2019-09-04"), ("Накануне", "2019-09-09")],
    );
    check(
        "Путин прилетит в Эр-Рияд 14 октября. На следующий день он посетит ОАЭ.",
        "2019-10-10",
        &[
            ("14 октября", "2019-10-14"),
            ("На следующий день", "2019-10-15"),
        ],
    );
    // «накануне выборов» is before something else: no date.
    check("Накануне выборов он выступил.", "2020-04-17", &[]);
}

#[test]
fn months_follow_the_tense() {
    // Past tense: the last March, not the nearest one.
    check(
        "Они общались по видеосвязи в марте, а по телефону в июле.",
        "2022-11-15",
        &[("в марте", "2022-03"), ("в июле", "2022-07")],
    );
    check(
        "Встреча пройдёт в марте.",
        "2022-11-15",
        &[("в марте", "2023-03")],
    );
    // A plan told in the past tense points ahead.
    check(
        "Президент собирался посетить Москву в мае.",
        "2020-04-17",
        &[("в мае", "2020-05")],
    );
    // A present-tense verb of ability or intent with an infinitive: what is to come.
    check(
        "Эрдоган и Путин могут провести встречу в Сочи в начале сентября.",
        "2024-03-15",
        &[("сентября", "2024-09")],
    );
    check(
        "Министр планирует посетить Пекин в феврале.",
        "2024-03-15",
        &[("в феврале", "2025-02")],
    );
    // Without one, a month keeps to the nearest reading.
    check(
        "Он любит отдыхать в сентябре.",
        "2024-03-15",
        &[("в сентябре", "2023-09")],
    );
    check(
        "Парад 9 мая отменён.",
        "2020-04-17",
        &[("9 мая", "2020-05-09")],
    );
    check(
        "В ноябре прошлого года он был в Москве.",
        "2024-03-18",
        &[("В ноябре прошлого года", "2023-11")],
    );
}

#[test]
fn a_day_weeks_away_follows_the_tense() {
    // A few days off is the nearest day whatever the tense (an article may be dated a little
    // wrongly); three weeks ahead of the article, a past verb means last year's day.
    check(
        "Путин встретился с Лукашенко 18 марта в Минске.",
        "2024-03-15",
        &[("18 марта", "2024-03-18")],
    );
    check(
        "Лукашенко провёл переговоры с Путиным в Минске 5 апреля.",
        "2024-03-15",
        &[("5 апреля", "2023-04-05")],
    );
    check(
        "Путин встретится с Лукашенко 5 апреля в Минске.",
        "2024-03-15",
        &[("5 апреля", "2024-04-05")],
    );
    // The same three weeks back, in the future tense: next year's day.
    check(
        "Путин встретится с Лукашенко 24 февраля в Минске.",
        "2024-03-15",
        &[("24 февраля", "2025-02-24")],
    );
}

#[test]
fn a_month_something_is_set_for_lies_ahead() {
    // «на» + month: what a plan is set or moved to, ahead of the article even when the
    // sentence is in the past tense.
    check(
        "Визит, запланированный на июль, отменён.",
        "2024-06-20",
        &[("на июль", "2024-07")],
    );
    check(
        "Саммит перенесли на март.",
        "2022-11-15",
        &[("на март", "2023-03")],
    );
    check(
        "Переговоры назначены на май.",
        "2021-05-04",
        &[("на май", "2021-05")],
    );
}

#[test]
fn a_day_something_is_set_for_lies_ahead() {
    // The nearest finite verb («отметил») is past, but what is scheduled for a day is ahead.
    check(
        "Как отметил источник, встреча запланирована на 28 июня.",
        "2024-04-16",
        &[("на 28 июня", "2024-06-28")],
    );
}

#[test]
fn a_month_agreed_on_lies_ahead() {
    // What two sides agreed on is to come, though the verb is past; the events stage gives the
    // meeting the same month.
    check(
        "Лидеры договорились о встрече в апреле.",
        "2025-11-20",
        &[("в апреле", "2026-04")],
    );
    check(
        "Министры условились встретиться в марте.",
        "2025-11-20",
        &[("в марте", "2026-03")],
    );
    // The date of the agreement itself is past.
    check(
        "В апреле стороны договорились о прекращении огня.",
        "2025-11-20",
        &[("В апреле", "2025-04")],
    );
    check(
        "Стороны быстро договорились и уже в четверг 20 ноября выдвинули кандидата.",
        "2025-11-25",
        &[("в четверг", "2025-11-20"), ("20 ноября", "2025-11-20")],
    );
    // The day of the talk the agreement came in is past.
    check(
        "Президенты договорились о встрече в ходе телефонного разговора 16 октября.",
        "2025-10-22",
        &[("16 октября", "2025-10-16")],
    );
}

#[test]
fn seasons_and_parts_of_the_year() {
    check(
        "Моди может посетить Россию осенью.",
        "2021-07-08",
        &[("осенью", "2021")],
    );
    check(
        "Чавушоглу до конца года посетит Россию.",
        "2020-11-20",
        &[("до конца года", "2020")],
    );
    check(
        "В конце прошлого года лидеры встречались.",
        "2020-02-01",
        &[("В конце прошлого года", "2019")],
    );
}

#[test]
fn dates_outside_the_calendar_are_dropped() {
    // Found by the `dates` fuzz target: year 0 came out of «в прошлом году» in year 1.
    check("В прошлом году он был там.", "0001-03-01", &[]);
    check(
        "В следующем году и через год он будет там.",
        "9999-03-01",
        &[],
    );
    check("Вчера он был там.", "0001-01-01", &[]);
}

#[test]
fn a_verb_that_is_also_a_noun_form_still_sets_the_tense() {
    // «примет» is «принять» in the future or the genitive plural of «примета».
    check(
        "Эрдоган примет наследного принца в Анкаре 22 июня.",
        "2024-11-20",
        &[("22 июня", "2025-06-22")],
    );
}

#[test]
fn weekends_resolve_to_the_month_of_their_saturday() {
    // 2025-04-01 is a Tuesday: the last weekend began on Saturday 29 March, the next one on
    // 5 April.
    check(
        "В минувшие выходные министр побывал в Минске.",
        "2025-04-01",
        &[("В минувшие выходные", "2025-03")],
    );
    check(
        "На выходных министр посетит Минск.",
        "2025-04-01",
        &[("На выходных", "2025-04")],
    );
    check(
        "На выходных министр побывал в Минске.",
        "2025-04-01",
        &[("На выходных", "2025-03")],
    );
}

#[test]
fn a_week_in_the_accusative_is_a_week_too() {
    // The value is the month of the day a week after the article (3 July), as for «на
    // следующей неделе».
    check(
        "Визит, запланированный на следующую неделю, отменён.",
        "2025-06-26",
        &[("на следующую неделю", "2025-07")],
    );
}

#[test]
fn the_start_or_end_of_next_or_last_week_is_the_month_of_that_day() {
    // Thursday 29 August: next Monday is 2 September; last Friday was 23 August.
    check(
        "В начале следующей недели министр посетит Анкару.",
        "2024-08-29",
        &[("В начале следующей недели", "2024-09")],
    );
    check(
        "В конце прошлой недели министр был в Анкаре.",
        "2024-09-02",
        &[("В конце прошлой недели", "2024-08")],
    );
}

#[test]
fn a_part_of_a_month_is_that_month() {
    for (text, month) in [
        ("Встреча пройдёт во второй половине октября.", "октября"),
        ("Визит запланирован на конец марта.", "марта"),
        ("Переговоры пройдут в последних числах июня.", "июня"),
    ] {
        let got = dates(text, "2024-03-20");
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, month, "{text}: {got:?}");
    }
    check(
        "Встреча пройдёт во второй половине октября.",
        "2024-03-20",
        &[("октября", "2024-10")],
    );
}

#[test]
fn a_plan_word_without_a_verb_looks_ahead_unless_it_is_in_the_past() {
    // 2023-10-17 is a Tuesday.
    check(
        "В среду запланированы переговоры.",
        "2023-10-17",
        &[("В среду", "2023-10-18")],
    );
    check(
        "6 мая был запланирован концерт в Екатеринбурге.",
        "2023-10-17",
        &[("6 мая", "2023-05-06")],
    );
}

#[test]
fn the_start_or_end_of_next_or_last_month_is_that_month() {
    check(
        "В конце прошлого месяца министр был в Анкаре.",
        "2025-01-10",
        &[("В конце прошлого месяца", "2024-12")],
    );
    check(
        "В начале следующего месяца министр посетит Анкару.",
        "2025-12-10",
        &[("В начале следующего месяца", "2026-01")],
    );
}

#[test]
fn ago_and_last_or_next_weekday() {
    // The article is of Wednesday 2024-02-07.
    check(
        "Встреча прошла 3 дня назад, а переговоры — два года назад.",
        "2024-02-07",
        &[("3 дня назад", "2024-02-04"), ("два года назад", "2022")],
    );
    check(
        "Министр уехал месяц назад.",
        "2024-02-07",
        &[("месяц назад", "2024-01")],
    );
    check(
        "Встреча прошла в прошлую пятницу, визит — в минувший четверг, а переговоры пройдут в \
         следующий вторник.",
        "2024-02-07",
        &[
            ("в прошлую пятницу", "2024-02-02"),
            ("в минувший четверг", "2024-02-01"),
            ("в следующий вторник", "2024-02-13"),
        ],
    );
    // On a Friday «в прошлую пятницу» is a week back, not the article's own day.
    check(
        "Встреча прошла в прошлую пятницу.",
        "2024-02-09",
        &[("в прошлую пятницу", "2024-02-02")],
    );
}

#[test]
fn the_same_day_counts_from_the_last_day_written_not_a_coarser_date() {
    check(
        "Договор подписали 11 ноября 2017 года. Ровно 99 лет назад закончилась война. В тот же \
         день прошёл парад.",
        "2017-11-12",
        &[
            ("11 ноября 2017 года", "2017-11-11"),
            ("99 лет назад", "1918"),
            ("В тот же день", "2017-11-11"),
        ],
    );
    // «на следующий день после X» counts from X, which is no date here.
    check(
        "Договор подписали 11 ноября. Покушение произошло на следующий день после драки.",
        "2017-11-12",
        &[("11 ноября", "2017-11-11")],
    );
}

#[test]
fn a_span_of_days_is_dated_by_its_first() {
    check(
        "Переговоры прошли 20 и 21 марта. Выборы прошли 3 и 4 декабря 2011 года. Форум пройдёт с \
         5 по 7 мая 2024 г.",
        "2023-03-23",
        &[
            ("20 и 21 марта", "2023-03-20"),
            ("3 и 4 декабря 2011 года", "2011-12-03"),
            ("с 5 по 7 мая 2024 г.", "2024-05-05"),
        ],
    );
}

#[test]
fn na_with_a_month_points_ahead_only_for_plans() {
    check(
        "Пик продаж пришёлся на март. Визит запланирован на июль.",
        "2024-06-15",
        &[("на март", "2024-03"), ("на июль", "2024-07")],
    );
    check(
        "Инфляция на март составила 7,7%.",
        "2024-04-10",
        &[("на март", "2024-03")],
    );
    // A capitalised «Марту» is a name; «на 20 лет назад» a figure of speech.
    check(
        "Они надеются на Марту. Кризис отбросил экономику на 20 лет назад.",
        "2024-04-10",
        &[],
    );
    // «на следующий день после 9 мая»: the day after that date.
    check(
        "Встреча прошла на следующий день после 9 мая.",
        "2024-06-15",
        &[("на следующий день после 9 мая", "2024-05-10")],
    );
}

#[test]
fn a_year_with_its_abbreviation_glued_on() {
    check(
        "Напомним, 11 февраля 2011г. он ушёл. В 2012г. вернулся. В 1990-2000гг. работал.",
        "2015-06-15",
        &[("11 февраля 2011г.", "2011-02-11"), ("В 2012г.", "2012")],
    );
}

#[test]
fn seasons_with_a_year_and_seasons_something_is_set_for() {
    check(
        "Весной 2013 года он уехал. Выборы запланированы на осень 2013 года. Релиз перенесли на \
         весну.",
        "2015-06-15",
        &[
            ("Весной 2013 года", "2013"),
            ("на осень 2013 года", "2013"),
            ("на весну", "2016"),
        ],
    );
}

#[test]
fn an_infinitive_makes_a_plan_only_in_its_own_segment() {
    check(
        "Министр пригласил коллегу посетить Каракас; в последний раз министры встречались там в \
         феврале.",
        "2020-05-21",
        &[("в феврале", "2020-02")],
    );
}

#[test]
fn a_date_set_by_a_past_verb_may_lie_ahead() {
    // «перенесли на середину …»: the date set lies ahead, with words between the verb and the
    // month as without them; «на первую половину апреля» is a month too.
    let d = dates("Визит перенесли на середину апреля.", "2024-03-15");
    assert_eq!(d.last().map(|x| x.1.as_str()), Some("2024-04"), "{d:?}");
    let d = dates("Визит намечен на первую половину апреля.", "2024-03-15");
    assert_eq!(d.last().map(|x| x.1.as_str()), Some("2024-04"), "{d:?}");
    let d = dates("Визит перенесли на конец марта.", "2024-03-15");
    assert_eq!(d.last().map(|x| x.1.as_str()), Some("2024-03"), "{d:?}");
    // Without «на» a past verb still dates the past.
    let d = dates("Визит перенесли в апреле.", "2024-03-15");
    assert_eq!(d.last().map(|x| x.1.as_str()), Some("2023-04"), "{d:?}");
}
