"""Admin commands: areas, topics, QR codes and posters, agencies, answer templates,
undelivered messages (SPEC §6).

Every command runs for the users in ``ADMIN_IDS`` only, in a private chat or in the staff
group (the handlers' filters keep other chats out). Anyone else gets a short refusal and
nothing changes.
"""

from __future__ import annotations

from bot.handlers.admin.agencies import (
    add_agency,
    agency_group,
    close_agency,
    list_agencies,
    open_agency,
)
from bot.handlers.admin.area_batch import add_areas
from bot.handlers.admin.areas import (
    add_area,
    close_area,
    list_areas,
    open_area,
    rename_area,
)
from bot.handlers.admin.common import Callback, admin_only
from bot.handlers.admin.delivery import resend, resend_button
from bot.handlers.admin.guide import admin_help
from bot.handlers.admin.posters import area_qr
from bot.handlers.admin.templates import add_template, list_templates, remove_template
from bot.handlers.admin.topics import (
    add_topic,
    close_topic,
    list_topics,
    open_topic,
    rename_topic,
    topic_label,
    topic_name_en,
    topic_order,
    topic_sla,
)

__all__ = ["COMMANDS", "admin_help", "resend_button"]

# The admin commands in menu order; bot/app.py registers them, bot/render/menus.py lists them.
COMMANDS: dict[str, Callback] = {
    name: admin_only(name, step)
    for name, step in (
        ("areas", list_areas),
        ("addarea", add_area),
        ("addareas", add_areas),
        ("renamearea", rename_area),
        ("closearea", close_area),
        ("openarea", open_area),
        ("qr", area_qr),
        ("topics", list_topics),
        ("addtopic", add_topic),
        ("renametopic", rename_topic),
        ("closetopic", close_topic),
        ("opentopic", open_topic),
        ("topicsla", topic_sla),
        ("topiclabel", topic_label),
        ("topicname_en", topic_name_en),
        ("topicorder", topic_order),
        ("agencies", list_agencies),
        ("addagency", add_agency),
        ("agencygroup", agency_group),
        ("closeagency", close_agency),
        ("openagency", open_agency),
        ("templates", list_templates),
        ("addtemplate", add_template),
        ("removetemplate", remove_template),
        ("resend", resend),
    )
}
