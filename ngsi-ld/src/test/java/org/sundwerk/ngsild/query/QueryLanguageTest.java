package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.ngsild.query.PrefixTerms.EX;
import static org.sundwerk.ngsild.query.PrefixTerms.TERMS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NGSI-LD query language {@code q} (clause 4.9): expression to the ids it selects. */
class QueryLanguageTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          name                                       -> altstadt anna bahnhof hafen hafenweg hbf ozeaneum rathaus strandbad
          !name                                      -> s1
          name=="Ozeaneum"                           -> ozeaneum
          name!="Ozeaneum"                           -> altstadt anna bahnhof hafen hafenweg hbf rathaus strandbad
          name>"W"                                   -> hafenweg
          name<="Altstadt"                           -> altstadt
          visitors>500000                            -> ozeaneum
          visitors!=1                                -> ozeaneum
          visitors<1                                 ->
          built==1278                                -> rathaus
          built=="1278"                              ->
          length==1250.5                             -> hafenweg
          length>-1                                  -> hafenweg
          population>=5800                           -> altstadt
          population>5800                            ->
          temperature>20                             -> rathaus strandbad
          temperature<18                             -> strandbad
          temperature>=18.5;temperature<=19          -> ozeaneum s1 strandbad
          temperature==17.5                          -> strandbad
          temperature==17..19                        -> ozeaneum s1 strandbad
          temperature!=17..19                        -> rathaus
          temperature==1.75e1                        -> strandbad
          availableSpotNumber==0,42                  -> bahnhof hafen
          availableSpotNumber!=0,42                  ->
          totalSpotNumber!=120                       -> bahnhof
          open==true                                 -> ozeaneum
          open==false                                -> strandbad
          open!=true                                 -> strandbad
          category=="museum"                         -> ozeaneum
          category=="zoo","aquarium"                 -> ozeaneum
          category!="zoo"                            -> ozeaneum
          name~=(?i)^p                               -> bahnhof hafen
          name~=hof$                                 -> bahnhof hbf
          name~=^P\\+R                               -> bahnhof
          name~="Parkhaus\\\\s"                      -> hafen
          name!~=(?i)(hafen|bahn)                    -> altstadt anna ozeaneum rathaus strandbad
          name~=[|;]                                 ->
          name==Strandbad                            -> strandbad
          name=="Anna \\"Sunny\\" Müller"            -> anna
          name=="\\u0041ltstadt"                     -> altstadt
          homepage==https://www.ozeaneum.de          -> ozeaneum
          operator==urn:ngsi-ld:Company:db           -> hbf
          operator=="urn:ngsi-ld:Company:db"         -> hbf
          refDevice=="urn:ngsi-ld:Device:p3"         -> bahnhof
          refDevice~=Device:p[13]                    -> bahnhof hafen
          description=="Town hall"                   -> rathaus
          description~=Markt                         -> rathaus
          tags=="water"                              -> s1
          connectedTo==urn:ngsi-ld:Gateway:g2        -> s1
          lastInspection>2026-01-01T00:00:00Z        -> ozeaneum
          location.datasetId=="urn:ngsi-ld:Dataset:entrance" -> hbf
          controlledProperty==airQuality             -> s1
          address[streetAddress]=="Alter Markt"      -> rathaus
          address[postalCode]=="18439"               -> hafen ozeaneum rathaus
          address[streetAddress]                     -> ozeaneum rathaus
          !address[streetAddress]                    -> altstadt anna bahnhof hafen hafenweg hbf s1 strandbad
          address[streetAddress][x]                  ->
          availableSpotNumber.reliability>0.8        -> hafen
          availableSpotNumber.reliability            -> bahnhof hafen
          availableSpotNumber.observedAt             -> hafen
          temperature.observedAt>2026-06-01T10:00:00Z -> ozeaneum strandbad
          temperature.observedAt<2026-06-01T09:30:00+01:00 -> rathaus
          temperature.observedAt==2026-06-01T09:00:00Z -> strandbad
          temperature.unitCode=="CEL"                -> ozeaneum rathaus
          temperature.datasetId=="urn:ngsi-ld:Dataset:water" -> strandbad
          opened<2000-01-01T00:00:00Z                -> hbf
          opened>2000-01-01                          -> ozeaneum
          opened==2008-07-11T10:00:00Z..2008-07-12T00:00:00Z -> ozeaneum
          opened=="2008-07-11T10:00:00Z"             -> ozeaneum
          birthDate==1990-05-01                      -> anna
          birthDate>1990-05-01T12:00:00              ->
          temperature>20|platforms==7                -> hbf rathaus strandbad
          (open==true|open==false);temperature>20    -> strandbad
          open==true|open==false;temperature>20      -> ozeaneum strandbad
          ((name=="Rathaus"))                        -> rathaus
          name;!temperature;(visitors|population)    -> altstadt
          ex:name=="Altstadt"                        -> altstadt
          https:name                                 ->
          """)
  void selectsTheExpectedEntities(String q, String ids) {
    Query query = QueryParser.parse(q, TERMS);

    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity)))
        .isEqualTo(Stralsund.expected(ids));
  }

  @Test
  void expandsAttributeAndSubAttributeNamesButKeepsMetadataAndMembers() {
    Query query =
        QueryParser.parse("address[postalCode]==\"18439\";speed.observedAt;speed.accuracy", TERMS);

    assertThat(query)
        .isEqualTo(
            new Query.And(
                List.of(
                    new Query.Comparison(
                        new AttrPath(EX + "address", Optional.empty(), List.of("postalCode")),
                        Operator.EQUAL,
                        new Value.Text("18439")),
                    new Query.Exists(
                        new AttrPath(EX + "speed", Optional.of("observedAt"), List.of())),
                    new Query.Exists(
                        new AttrPath(EX + "speed", Optional.of(EX + "accuracy"), List.of())))));
  }

  @Test
  void bindsAndTighterThanOr() {
    Query query = QueryParser.parse("a==1|b==2;c==3", TERMS);

    assertThat(query).isInstanceOf(Query.Or.class);
    assertThat(((Query.Or) query).terms().get(1)).isInstanceOf(Query.And.class);
  }

  @Test
  void readsLiteralsAsTheirTypes() {
    assertThat(value("x==-2.5")).isEqualTo(new Value.Number(-2.5));
    assertThat(value("x==true")).isEqualTo(new Value.Bool(true));
    assertThat(value("x==\"true\"")).isEqualTo(new Value.Text("true"));
    assertThat(value("x==2026-06-01T14:00:00+02:00"))
        .isEqualTo(new Value.DateTime(Instant.parse("2026-06-01T12:00:00Z")));
    assertThat(value("x==urn:ngsi-ld:Thing:1")).isEqualTo(new Value.Text("urn:ngsi-ld:Thing:1"));
    assertThat(value("x==1..5"))
        .isEqualTo(new Value.Range(new Value.Number(1), new Value.Number(5)));
    assertThat(value("x==\"a\",b,3"))
        .isEqualTo(
            new Value.Choice(
                List.of(new Value.Text("a"), new Value.Text("b"), new Value.Number(3))));
  }

  private static Value value(String q) {
    return ((Query.Comparison) QueryParser.parse(q, TERMS)).value();
  }
}
