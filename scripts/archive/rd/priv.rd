<?xml version="1.0" encoding="utf-8"?>
<!-- Private observations for the authentication tests (issue 7).
priv.private_obs holds three rows that exist nowhere else; priv.obscore_all is
ivoa.obscore plus those rows. The auth gateway (scripts/auth/gateway.mjs) routes
the tap_obs queries of an authorised user with a valid token to
priv.obscore_all; everybody else only ever sees ivoa.obscore (3917 rows,
unchanged). The rows are copies of the embargoed UVES spectrum's row with new
ids; their access_url point at the gateway (18111) and at the "foreign host"
listener (18112) so the tests can check where credentials go. -->
<resource schema="priv" resdir=".">
  <meta name="creationDate">2024-01-01T00:00:00Z</meta>
  <meta name="title">Local ESO-like archive: private observations (synthetic)</meta>
  <meta name="description">Rows visible only to authorised queries through the test gateway.</meta>
  <meta name="creator">Local test archive</meta>
  <meta name="subject">virtual-observatories</meta>

  <table id="private_obs" original="eso/obscore#obscore" onDisk="True" adql="True">
    <meta name="description">Private (proprietary) observations, ESO's ObsCore columns.</meta>
  </table>

  <table id="obscore_all" original="eso/obscore#obscore" onDisk="True" adql="True" primary="">
    <meta name="description">ivoa.obscore plus the private observations: what an authorised user sees.</meta>
    <viewStatement>CREATE VIEW \curtable AS (SELECT \colNames FROM ivoa.obscore UNION ALL SELECT \colNames FROM priv.private_obs)</viewStatement>
  </table>

  <data id="import">
    <sources>data/obscore.jsonl</sources>
    <embeddedGrammar>
      <iterator>
        <setup imports="json"/>
        <code>
          base = None
          with open(self.sourceToken) as f:
            for line in f:
              row = json.loads(line)
              if row["dp_id"] == "ADP.2019-01-15T15:50:07.007":
                base = row
          gw, foreign = "http://127.0.0.1:18111", "http://127.0.0.1:18112"
          extra = [
            ("ADP.2025-07-01T00:00:08.008", "PRIVATE eta Car", "application/fits",
              gw + "/getproduct/eso/data/spec/ADP.2019-01-15T15_50_07.007.fits"),
            ("ADP.2025-07-01T00:00:09.009", "PRIVATE redirected", "application/fits",
              gw + "/moved/ADP.2025-07-01T00_00_09.009.fits"),
            ("ADP.2025-07-01T00:00:10.010", "PRIVATE elsewhere", "application/fits",
              foreign + "/file/ADP.2025-07-01T00_00_10.010.fits"),
          ]
          for dp_id, target, fmt, url in extra:
            row = dict(base)
            row.update(dp_id=dp_id, target_name=target, access_format=fmt, access_url=url,
              obs_publisher_did="ivo://eso.localtest/ID?" + dp_id, obs_collection="PRIVATE",
              obs_release_date="2099-12-31T00:00:00.000Z")
            yield row
        </code>
      </iterator>
    </embeddedGrammar>
    <make table="private_obs">
      <rowmaker idmaps="*">
        <map key="s_region">pgsphere.SPoly.fromDALI(@s_region)</map>
      </rowmaker>
    </make>
  </data>

  <data id="view">
    <make table="obscore_all"/>
  </data>
</resource>
